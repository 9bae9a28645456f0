"""The build's memory helpers leave the interpreter's collector as they found it."""

import gc

from dossier import heap


def test_settled_objects_are_collectable_again_after_the_block():
    before = gc.get_threshold()
    with heap.settled():
        assert gc.get_threshold()[0] == heap.YOUNG_THRESHOLD
        cycle = []
        cycle.append(cycle)
        heap.settle()
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before


def test_settled_restores_the_collector_when_the_block_raises():
    before = gc.get_threshold()
    try:
        with heap.settled():
            heap.settle()
            raise RuntimeError("a stage failed")
    except RuntimeError:
        pass
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == before


def test_collector_paused_restores_its_previous_state():
    with heap.collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with heap.collector_paused():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()
