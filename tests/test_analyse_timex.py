"""Time expressions: finding and normalising news dates against a reference."""

from datetime import date

import pytest

from dossier.analyse.sentences import split_sentences
from dossier.analyse.timex import find_times, normalise_time, normalise_times, range_ends

REF = date(2021, 10, 22)  # a Friday


def values(text, reference=REF):
    sentences = split_sentences(text)
    times = normalise_times(find_times(text, sentences), sentences, reference)
    return {t.text: (t.value, t.precision, t.kind) for t in times}


@pytest.mark.parametrize("text, expected", [
    ("Wednesday", "2021-10-20"),
    ("Friday", "2021-10-22"),
    ("last Friday", "2021-10-15"),
    ("today", "2021-10-22"),
    ("yesterday", "2021-10-21"),
    ("last week", "2021-W41"),
    ("earlier this week", "2021-W42"),
    ("next month", "2021-11"),
    ("August 2021", "2021-08"),
    ("mid-August 2021", "2021-08"),
    ("October 20, 2021", "2021-10-20"),
    ("20 October 2021", "2021-10-20"),
    ("2003", "2003"),
    ("the 1990s", "199"),
    ("two years ago", "2019"),
])
def test_normalise_against_reference(text, expected):
    assert normalise_time(text, f"It happened {text}.", REF).value == expected


def test_bare_month_is_the_most_recent_one_before_the_reference():
    assert normalise_time("in August", "They took Kabul in August.", REF).value == "2021-08"
    assert normalise_time("in November", "They met in November.", REF).value == "2020-11"


def test_future_context_looks_forward():
    assert normalise_time("Monday", "He will travel on Monday.", REF).value == "2021-10-25"


def test_relative_without_reference_is_unresolved_but_absolute_is_not():
    assert normalise_time("Wednesday", "On Wednesday they met.", None).value is None
    assert normalise_time("in August", "in August", None).value is None
    assert normalise_time("October 20, 2021", "x", None).value == "2021-10-20"


def test_found_in_text_with_durations():
    found = values("On Wednesday, talks began. The Soviet Union waged a 10-year war that ended in 1989. "
                   "It withdrew after a decade. Russia has engaged since 2017.")
    assert found["Wednesday"][0] == "2021-10-20"
    assert found["10-year"] == ("P10Y", "year", "duration")
    assert found["a decade"][2] == "duration"  # TIMEX3 extents leave the preposition out
    assert found["1989"][0] == "1989"
    assert found["2017"][0] == "2017"


def test_numbers_are_not_years():
    found = values("Some 5,000 troops and 1,989 vehicles joined, and 2000 soldiers.")
    assert not any(v[0] in ("1989", "2000") for v in found.values())


def test_fractional_and_vague_counts():
    assert normalise_time("2 1/2 years ago", "It happened 2 1/2 years ago.", REF).value == "2019"
    assert normalise_time("2 1/2 months ago", "It happened 2 1/2 months ago.", REF).value == "2021-08"
    assert normalise_time("2 1/2 years", "It lasted 2 1/2 years.", REF).value == "P2Y6M"  # TimeBank writes whole units
    assert normalise_time("a few years ago", "It happened a few years ago.", REF).value == "PAST_REF"


def test_tense_decides_bare_months_and_numeric_order_is_per_article():
    march = date(2013, 3, 22)
    assert normalise_time("May", "is due to be published in May", march).value == "2013-05"
    assert normalise_time("June", "will review the decision in June", march).value == "2013-06"
    assert normalise_time("June", "the decision was reviewed in June", march).value == "2012-06"
    assert values("It opened on 24/4/2019 and closed on 3/5/2019.")["3/5/2019"][0] == "2019-05-03"
    assert values("It opened on 4/24/2019 and closed on 3/5/2019.")["3/5/2019"][0] == "2019-03-05"


@pytest.mark.parametrize("text, value, kind", [
    ("2009-2010", "2009", "date"), ("1957-58", "1957", "date"), ("the 20th century", "19", "date"),
    ("90 days", "P90D", "duration"), ("two years", "P2Y", "duration"), ("every morning", "XXXX-XX-XXTMO", "set"),
])
def test_ranges_centuries_durations_sets(text, value, kind):
    found = values(f"It happened {text} here.")
    assert found[text][0] == value and found[text][2] == kind


def test_extents_leave_out_prepositions():
    assert "five years" in values("Prices will double in five years.")


def test_clock_times_take_the_day_they_are_said_with():
    found = values("He was taken at 10 p.m. Wednesday and talks broke off at noon Thursday. "
                   "Trading closed at 5 p.m. EST Oct. 19. The blast came on Tuesday at about 7:15 p.m. local time.")
    assert found["10 p.m. Wednesday"][0] == "2021-10-20T22:00"
    assert found["noon Thursday"][0] == "2021-10-21T12:00"
    assert found["5 p.m. EST Oct. 19"][0] == "2021-10-19T17:00"
    assert found["about 7:15 p.m. local time"][0] == "2021-10-19T19:15"  # the Tuesday said before it
    assert values("The vote opens at 9 a.m.")["9 a.m."][0] == "2021-10-22T09:00"
    assert values("In London at mid-afternoon yesterday shares rose.")["mid-afternoon yesterday"][0] == "2021-10-21TAF"


def test_a_clock_time_with_a_weekday_and_its_date_is_one_expression():
    """"at 6:38 p.m. on Saturday, May 18" is one time (TimeBank and TE3 mark it so): the clock time
    took the weekday, and "May 18" was a second expression of its own."""
    found = values("Police said the shooting happened at 6:38 p.m. on Saturday, May 18.", date(2019, 5, 21))
    assert found == {"6:38 p.m. on Saturday, May 18": ("2019-05-18T18:38", "day", "date")}
    found = values("Polls close at 8 p.m. Tuesday, Nov. 5, 2019 in most states.", date(2019, 11, 1))
    assert found == {"8 p.m. Tuesday, Nov. 5, 2019": ("2019-11-05T20:00", "day", "date")}


def test_spoken_years_compound_numbers_and_short_decades():
    found = values("It began in nineteen ninety-six, grew in January nineteen ninety-seven and fell apart in mid-1998. "
                   "In the last twenty four hours prices rose, after almost a hundred years of calm.")
    assert found["nineteen ninety-six"][0] == "1996"
    assert found["January nineteen ninety-seven"][0] == "1997-01"
    assert found["mid-1998"][0] == "1998"
    assert found["the last twenty four hours"][0] == "PT24H"
    assert found["almost a hundred years"][0] == "P100Y"
    assert normalise_time("the '80s", "It grew in the '80s.", date(1989, 11, 2)).value == "198"
    assert normalise_time("the '20s", "It grew in the '20s.", date(2025, 1, 2)).value == "202"
    assert normalise_time("the '90s", "It grew in the '90s.", date(2025, 1, 2)).value == "199"


def test_a_plan_told_in_the_past_perfect_lies_behind():
    monday = date(1989, 10, 30)
    assert normalise_time("Friday evening", "It had been due to expire Friday evening.", monday).value == "1989-10-27TEV"
    assert normalise_time("Friday", "It is due to expire Friday.", monday).value == "1989-11-03"


def test_the_next_year_opening_a_sentence_goes_on_from_the_year_told_before():
    """"Smith joined Acme in 2015. The next year, he left." is 2016 (it was the year after the
    reference, 2022); "will rise over the next year" still counts from the time of writing."""
    found = values("Smith joined Acme in 2015. The next year, he left for Beta.")
    assert found["The next year"][0] == "2016"
    assert values("Sales will rise over the next year.")["the next year"][0] == "2022"


def test_anaphoric_expressions_count_from_the_date_named_before():
    found = values("He joined in 1995 and was promoted the following year. On March 3, 2001, the bridge fell. "
                   "Later that night rescuers arrived. The previous month had been calm.")
    assert found["the following year"][0] == "1996"
    assert found["Later that night"][0] == "2001-03-03TNI"
    assert found["The previous month"][0] == "2001-02"
    assert values("It was founded in 1987. That day nobody came.")["That day"][0] is None  # which day of 1987?
    # the last date named as finely as the unit, past a coarser one said in between
    found = values("The dam broke on March 3, 2001. Repairs ran into 2002. That day, though, nobody came.")
    assert found["That day"][0] == "2001-03-03"


def test_the_previous_weekend_is_the_weekend_of_the_week_before_the_date_named():
    # It raised KeyError('weekend') and the whole article was rejected (a 2k syndication build).
    found = values("The vote was on Aug. 19, 2021. Protests had begun the previous weekend.")
    assert found["the previous weekend"][0] == "2021-W32-WE"


def test_unit_adjectives_before_a_capitalised_word():
    assert values("The yield on the 30-year Treasury bond fell.")["30-year"][0] == "P30Y"


def test_a_past_verb_right_before_a_weekday_dates_it_and_clock_hours_are_no_years():
    found = values("The government said on Wednesday it would act within a week. Trading ends at 2 p.m. (1800 GMT).")
    assert found["Wednesday"][0] == "2021-10-20"  # said last Wednesday, not next
    assert "1800" not in found


def test_halves_of_units_in_the_next_smaller_unit():
    # TIMEX3 durations have no fractions of hours or minutes in common use: "PT1M30S", "PT2H30M"
    assert values("A minute and a half later, it landed.")["A minute and a half"][0] == "PT1M30S"
    assert values("The talks lasted two and a half hours.")["two and a half hours"][0] == "PT2H30M"


def test_unnumbered_plural_durations_after_for_within_and_ahead():
    # TIMEX3 DURATION with an unknown count: "within weeks" -> "PXW", "the months ahead" -> "PXM"
    found = values("Troops will arrive within weeks. Prices may fall in the months ahead.")
    assert found["weeks"][:1] == ("PXW",)
    assert found["the months ahead"][0] == "PXM"


def test_one_day_after_a_modal_is_some_future_day():
    # TIMEX3 FUTURE_REF: "will one day be" names no day; "for one day" is a duration
    assert values("Islam will one day be the second largest religion.")["one day"][0] == "FUTURE_REF"
    assert values("The market closed for one day.")["one day"][0] == "P1D"


def test_decimal_index_values_are_not_years():
    assert "2082" not in values("The index shed 47.3 points to close at 2082.1 on Friday.")


def test_this_coming_weekday_keeps_its_whole_extent():
    assert values("The vote is this coming Sunday.")["this coming Sunday"][0] == "2021-10-24"


def test_the_same_period_last_year_is_the_named_period_a_year_before():
    found = values("Exports grew in the first half of this year, up from the same period last year.")
    assert found["the same period last year"][0] == "2020-H1"
    assert values("Sales rose from the same period last year.")["the same period last year"][0] == "2020"


def test_the_next_day_counts_from_the_day_named_before():
    found = values("The rebels seized the capital on March 3, 2001. The next day, the president resigned.")
    assert found["The next day"][0] == "2001-03-04"


def test_holidays_are_their_days():
    # TIMEX3 gives a holiday its day's value (HeidelTime's holiday rules)
    found = values("Troops will be home by Christmas. Sales fell after Thanksgiving 2020. He resigned at Easter.")
    assert found["Christmas"][0] == "2021-12-25"
    assert found["Thanksgiving 2020"][0] == "2020-11-26"
    assert found["Easter"][0] == "2021-04-04"
    assert "christmas" not in values("They went christmas shopping.")


def test_a_holiday_made_a_modifier_by_a_hyphen_is_no_time():
    """"a Halloween-themed party" says what kind of party, not when (it was dated 2021-10-31);
    "Christmas-time" still names the holiday."""
    assert values("They threw a Halloween-themed party and a Christmas-inspired brunch.") == {}
    assert values("Stores were busy at Christmas-time.")["Christmas"][0] == "2020-12-25"


def test_by_a_month_or_day_is_a_deadline_ahead_unless_told_as_past():
    """"Troops must leave by December" (said in June) is the coming December; it was the last one,
    as a bare month without a future word is. "It had finished by March 3" still lies behind."""
    june = date(2019, 6, 10)
    assert values("Troops must leave by December.", june)["December"][0] == "2019-12"
    assert values("The agency aims to decide by March 3.", june)["March 3"][0] == "2020-03-03"
    assert values("It had finished by March 3.", june)["March 3"][0] == "2019-03-03"
    assert values("Prices rose 5% by December.", june)["December"][0] == "2018-12"


def test_the_words_before_a_date_speak_before_those_after_it():
    august = date(1998, 8, 7)
    assert values("The program, launched in mid-July, will run for a year.", august)["mid-July"][0] == "1998-07"
    assert values("The fiscal year, which begins Oct. 1, was approved.", august)["Oct. 1"][0] == "1998-10-01"


def test_every_n_units_is_a_set():
    found = values("The meeting is held every two years and every other week.")
    assert found["every two years"][0::2] == ("P2Y", "set")
    assert found["every other week"][0] == "P2W"


def test_since_points_back_and_is_expected_points_ahead():
    august = date(1998, 8, 7)  # a Friday
    assert values("Since taking office in January, the mayor has fired 12 officials.", august)["January"][0] == "1998-01"
    assert values("Results are expected early Wednesday.", august)["early Wednesday"][0] == "1998-08-12"


def test_a_passive_past_verb_before_a_weekday_dates_it():
    august = date(1998, 8, 7)
    found = values("Police said the suspect, who was arrested Tuesday, would appear in court Friday.", august)
    assert found["Tuesday"][0] == "1998-08-04"


def test_centuries_take_their_modifiers():
    assert values("In the early 20th century, it declined.")["the early 20th century"][0] == "19"


def test_compounds_that_are_not_times():
    found = values("The quarter-to-quarter comparison and the last-minute effort failed.")
    assert not any("quarter" in text or "minute" in text for text in found)


def test_ages_are_not_time_expressions():
    found = values("A 35-year-old man and a five-year-old boy joined the 10-year war.")
    assert "10-year" in found and not any("old" in text or "35" in text or "five" in text for text in found)


def test_a_period_or_term_is_inside_the_duration():
    found = values("He served a three-year period in jail and a one-year term as mayor.")
    assert found["a three-year period"][0] == "P3Y" and found["a one-year term"][0] == "P1Y"


def test_frequencies_take_their_count_into_the_set():
    found = values("They meet twice a year and three times a week.")
    assert found["twice a year"][0::2] == ("P1Y", "set")
    assert found["three times a week"][0] == "P1W"


def test_these_days_and_earlier_in_the_year():
    found = values("Prices rose earlier in the year and fell later in the month. These days, nobody cares.")
    assert found["earlier in the year"][0] == "2021" and found["later in the month"][0] == "2021-10"
    assert found["These days"][0] == "PRESENT_REF"


def test_last_and_next_seasons_as_heideltime_resolves_them():
    october = date(1989, 10, 30)  # autumn: last summer is this year's
    found = values("Last summer prices rose. This past spring they fell. Next winter they will rise.", october)
    assert found["Last summer"][0] == "1989-SU" and found["This past spring"][0] == "1989-SP"
    assert found["Next winter"][0] == "1989-WI"
    assert values("Last summer prices rose.", date(1998, 8, 7))["Last summer"][0] == "1997-SU"  # said in summer


def test_or_so_stays_in_the_extent():
    august = date(1998, 8, 7)
    found = values("It closes over the next year or so. A week or so ago he left.", august)
    assert found["the next year or so"][0] == "1999" and found["A week or so ago"][0] == "1998-W31"


def test_thousands_count_units_and_are_not_the_year_2000():
    found = values("They kept secrets for more than two thousand years. In the year two thousand, it ended.")
    assert found["more than two thousand years"][0] == "P2000Y"
    assert found["the year two thousand"][0] == "2000"


def test_clock_times_take_short_and_european_zones():
    found = values("Trading opens at 9:30 a.m. ET on Friday. The match starts at 3 p.m. BST.")
    assert found["9:30 a.m. ET on Friday"][0] == "2021-10-22T09:30"
    assert found["3 p.m. BST"][0] == "2021-10-22T15:00"


def test_frequency_adverbs_are_sets_as_timeml_marks_them():
    found = values("Protesters rallied almost daily, and the board meets annually.")
    assert found["daily"][0::2] == ("P1D", "set")
    assert found["annually"][0::2] == ("P1Y", "set")
    assert not values("The company pays a quarterly dividend.")  # an adjective of money, not a time


def test_time_words_in_titles_discourse_markers_and_newspaper_names_are_no_times():
    """TimeML annotates no time in "USA Today", ABC's "This Week", CBS's "60 Minutes", a sentence
    opening "Now," or "the Party daily Granma"; the same words elsewhere stay times."""
    assert not values('This is VOA Today. Baker said on ABC\'s "This Week," it was over.')
    assert not values('He said on CBS\'s "60 Minutes." The Communist Party daily Granma agreed.')
    assert not values("Now, he says, the talks are over.")
    found = values("Today, he said, the talks are over now. Now officials meet daily.")
    assert found["Today"][0] == "2021-10-22" and found["now"][0] == found["Now"][0] == "PRESENT_REF"
    assert found["daily"][0] == "P1D"


def test_a_year_that_titles_a_work_is_no_time():
    """A film or novel named by a year ("the war drama 1917", "1984" in quote marks) is no date;
    the same year before a noun or after a preposition stays one."""
    assert not values('Critics praised the war drama 1917, and he reread "1984" twice.')
    found = values("The 1917 revolution changed Russia, and the novel came out in 1949.")
    assert found["1917"][0] == "1917" and found["1949"][0] == "1949"


def test_a_year_after_a_products_name_is_its_edition_not_a_time():
    """"He played Football Manager 2020 all night" dated the playing 2020; two capitalised words
    before the year name a product, away from the sentence start and without a calendar word."""
    assert not values("He played Football Manager 2020 all night and installed Microsoft Office 2019.")
    found = values("In 2019 he left, and in Late March 2019 she did, before the Winter Olympics in 2022.")
    assert {"2019", "Late March 2019", "2022"} <= set(found)


def test_midday_day_long_and_election_day_are_found():
    """Forms TimeML annotates that the rules missed: "midday" is noon, "day-long" a day, and the
    United States' Election Day the Tuesday after the first Monday in November."""
    found = values("He appears at midday after a third day-long meeting, and campaigns until Election Day.",
                   date(1998, 10, 26))
    assert found["midday"][0] == "1998-10-26T12:00"
    assert found["day-long"][0::2] == ("P1D", "duration")
    assert found["Election Day"][0] == "1998-11-03"


def test_an_abbreviated_month_with_its_day_after_last_is_that_day():
    """"last Oct. 23" is the day Oct. 23 (the period once let "last Oct" end a bare month)."""
    found = values("He was shot to death last Oct. 23 at his home.", date(1999, 4, 19))
    assert found == {"Oct. 23": ("1998-10-23", "day", "date")}


def test_the_second_day_of_a_pair_takes_the_first_days_month():
    """TimeML annotates both days of "April 24 and 25"; a number after "and" with no month-day
    before it, or a percentage, is no day."""
    found = values("The summit is on April 24 and 25. Sales rose 3 to 5 percent, or 2 and 3 points.",
                   date(1999, 2, 10))
    assert found == {"April 24": ("1999-04-24", "day", "date"), "25": ("1999-04-25", "day", "date")}


def test_a_holidays_week_is_the_iso_week_of_its_day():
    found = values("Protesters prayed as Easter week began.", date(2000, 4, 17))
    assert found == {"Easter week": ("2000-W16", "week", "date")}  # Easter 2000 was April 23


def test_recent_units_are_a_stretch_of_unknown_length():
    found = values("Kidnappings have risen in recent years. Talks stalled in recent days. He recently left.")
    assert found["recent years"] == ("PXY", "year", "duration")
    assert found["recent days"] == ("PXD", "day", "duration")
    assert found["recently"][0] == "PAST_REF"


def test_weekends_are_a_set_and_the_end_of_the_week_is_this_week():
    found = values("The market is open on weekends. The report is due by the end of the week.")
    assert found["weekends"] == ("XXXX-WXX-WE", None, "set")
    assert found["the end of the week"][:2] == ("2021-W42", "week")


def test_a_march_named_for_its_cause_is_no_month():
    """"the annual March for Life", "the March on Washington" name a march; "in March" stays the month."""
    text = "Protesters joined the annual March for Life. The March on Washington was in March."
    sentences = split_sentences(text)
    assert [t.start for t in find_times(text, sentences)] == [text.rindex("March")]


def test_the_year_ended_a_date_is_a_year_long():
    """"for the year ended Sept. 30" is the twelve months a report covers: a TIMEX3 duration; a
    year that "ended badly" names no day after it and is no such period."""
    found = values("For the fiscal year ending June 30 the mill lost money; the year ended well.")
    assert found["the fiscal year"] == ("P1Y", "year", "duration")
    assert "the year" not in found


def test_the_morning_of_a_date_is_that_dates_morning():
    """"the morning of April 22" is April 22's morning, not the reference day's; alone, "the
    evening" still takes the day named before it."""
    found = values("Agents came on the morning of April 22. On Tuesday it rained. The evening was calm.",
                   date(2000, 4, 24))
    assert found["the morning"][0] == "2000-04-22TMO"
    assert found["The evening"][0] == "2000-04-18TEV"


def test_half_of_one_unit_is_that_half():
    """"half an hour" lasts thirty minutes, not an hour; "half a century" fifty years; "half a
    dozen" counts no time."""
    found = values("The vote took half an hour after half a century of rule in half a dozen states.")
    assert found["half an hour"] == ("PT30M", "approximate", "duration")
    assert found["half a century"][0] == "P50Y"
    assert len(found) == 2


def test_a_quarter_century_is_twenty_five_years_and_a_quarter_cup_no_time():
    """"a quarter century" was "a quarter" (P1Q, three months); "a quarter cup of sugar" a time."""
    found = values("The feud ran for nearly a quarter century, and three quarters of a century on it still does.")
    assert found["nearly a quarter century"] == ("P25Y", "year", "duration")
    assert found["three quarters of a century"][0] == "P75Y"
    assert not values("Add a quarter cup of sugar and walk a quarter mile.")
    assert values("Profit doubled in a quarter.")["a quarter"][2] == "duration"


def test_until_with_a_past_perfect_looks_back():
    """"until" says ahead ("runs until Friday"), but not when a past perfect says how things stood
    up to then: "Until Tuesday, the board had not met" is the Tuesday just past."""
    assert values("Until Tuesday, the board had not met.")["Tuesday"][0] == "2021-10-19"
    assert values("The offer runs until Tuesday.")["Tuesday"][0] == "2021-10-26"



RESULTS_DAY = date(1989, 11, 2)  # a results season: the third quarter has ended, the fourth is under way


def test_results_story_periods_follow_the_quarter_it_reports():
    found = values("Acme had a loss in the third quarter, compared with a year-earlier loss of $2 million. "
                   "In the year-ago third quarter it earned $1 million. Beta earned $3 million in the 1988 quarter.",
                   RESULTS_DAY)
    assert {text: value for text, (value, _, _) in found.items()} == {
        "the third quarter": "1989-Q3", "year-earlier": "1988-Q3", "the year-ago third quarter": "1988-Q3",
        "the 1988 quarter": "1988-Q3"}  # and "a year-earlier loss" holds no duration of "a year"


def test_latest_quarter_is_one_that_has_ended():
    found = values("Acme expects a fourth-quarter charge. Profit fell 59% in the latest quarter, compared with "
                   "$6 million a year ago.", RESULTS_DAY)
    assert (found["the latest quarter"][0], found["a year ago"][0]) == ("1989-Q3", "1988-Q3")


def test_months_from_the_years_start_make_a_year_earlier_last_year():
    found = values("In the first nine months, net was $306 million, against a loss in the 1988 period. "
                   "The year-ago results included a charge. In the year-earlier period it lost money. "
                   "Revenue grew in the latest nine months, compared with a year earlier.", RESULTS_DAY)
    assert {text: (value, kind) for text, (value, _, kind) in found.items()} == {
        "the first nine months": ("P9M", "duration"), "the 1988 period": ("1988", "date"),
        "year-ago": ("1988", "date"), "the year-earlier period": ("P9M", "duration"),
        "the latest nine months": ("P9M", "duration"), "a year earlier": ("1988", "date")}


def test_the_year_and_the_week_alone_are_the_references():
    found = values("For the year, volume was flat. Profit should rise throughout the fiscal year. For the week, "
                   "the index fell. The year before, it rose. It ran in the year 2000. The year ended well.")
    assert {text: value for text, (value, _, _) in found.items()} == {
        "the year": "2021", "the fiscal year": "2021", "the week": "2021-W42", "2000": "2000"}
    assert "the week" not in values("The talks resume the week of March 3.")  # that date's week


def test_quarters_said_as_recent_or_coming_are_past_and_future():
    found = values("It was a tough business in recent quarters, and that bodes ill for coming quarters and future "
                   "quarters. Sales in the year-earlier nine months rose.")
    assert {text: value for text, (value, _, _) in found.items()} == {
        "recent quarters": "PXQ", "coming quarters": "FUTURE_REF", "future quarters": "FUTURE_REF",
        "the year-earlier nine months": "P9M"}


def test_each_season_is_a_set_of_that_season():
    found = values("Each spring the farmers plant rice, and every winter the pass is closed. They met in spring.")
    assert {text: (value, kind) for text, (value, _, kind) in found.items()} == {
        "Each spring": ("XXXX-SP", "set"), "every winter": ("XXXX-WI", "set"), "spring": ("2021-SP", "date")}


def test_consecutive_units_are_durations_and_the_year_to_a_month_is_no_date():
    found = values("The strike lasted four consecutive days and prices fell for three straight years. "
                   "Sales rose 4% in the year to March.")
    assert {text: value for text, (value, _, _) in found.items()} == {
        "four consecutive days": "P4D", "three straight years": "P3Y", "March": "2021-03"}


def test_last_and_next_quarter_are_the_references_neighbours():
    found = values("Profit rose in the last quarter and should rise next quarter.", date(2007, 1, 10))
    assert {text: (value, kind) for text, (value, _, kind) in found.items()} == {
        "the last quarter": ("2006-Q4", "date"), "next quarter": ("2007-Q2", "date")}


def test_a_weekdays_night_is_that_day_and_its_morning_keeps_its_part():
    found = values("Protesters rallied Sunday night. The talks began Thursday morning.")
    assert (found["Sunday night"][0], found["Thursday morning"][0]) == ("2021-10-17", "2021-10-21TMO")


def test_units_earlier_than_a_year_are_durations_before_the_signal_word():
    found = values("The season started about a month earlier than usual. A day earlier, he left. "
                   "Profit was $5 a year earlier.")
    assert (found["about a month"][:3:2], found["A day"][:3:2], found["a year earlier"][:3:2]) == (
        ("P1M", "duration"), ("P1D", "duration"), ("2020", "date"))


def test_a_unit_after_an_amount_is_a_rate_not_a_time():
    found = values("Qantas flies four flights a week and saves $500 million a year. He stayed for a week.")
    assert found == {"a week": ("P1W", "week", "duration")}
    assert set(values("Staff work 60 hours a week and sell seven cars a day at 15% a year.")) == {"60 hours"}


def test_the_last_half_or_quarter_of_a_year_is_its_final_one():
    found = values("Earnings will be lower for the last half of 1989 and rise in the final quarter of the year.",
                   RESULTS_DAY)
    assert (found["the last half of 1989"][0], found["the final quarter of the year"][0]) == ("1989-H2", "1989-Q4")


def test_a_model_number_after_a_product_code_is_no_year():
    text = "The GeForce GTX 1650 and the RTX 2080 Ti were sold in 2019; the town was founded in 1650."
    assert [t.text for t in find_times(text, split_sentences(text))] == ["2019", "1650"]


def test_range_ends_pair_a_range_s_first_time_with_its_last():
    text = "Sales grew from October 2019 to March 2020. Talks ran between May 5 and 7. They met in 2018 and 2019."
    sentences = split_sentences(text)
    times = normalise_times(find_times(text, sentences), sentences, REF)
    ends = {first[1]: last.value for first, last in range_ends(times, text).items()}
    assert ends == {"October 2019": "2020-03", "May 5": "2021-05-07"}  # "in 2018 and 2019" is a list


def test_an_anaphoric_weekday_counts_from_the_day_named_before():
    found = values("Shares fell on Friday from the previous Friday. He came on March 3, 2021 and left the following "
                   "Monday.")
    assert found["the previous Friday"][0] == "2021-10-15"  # the Friday before REF's Friday
    assert found["the following Monday"][0] == "2021-03-08"
    assert values("They met the prior Friday.")["the prior Friday"][0] == "2021-10-15"  # none named: before REF


def test_a_quarter_of_something_is_a_fraction_not_a_time():
    assert values("Funds hold more than a quarter of the market. One quarter of voters stayed home.") == {}
    assert values("Profit fell in a quarter that was weak.")["a quarter"][0] == "P1Q"


def test_normalising_up_to_a_sentence_resolves_those_times_as_the_whole_list_does():
    # The numeric order is the whole article's ("24/4/2019" says day first) even when only the
    # first sentence's times are asked for.
    text = "The talks opened on 3/4/2019. They ended on 24/4/2019, three weeks later."
    sentences = split_sentences(text)
    times = find_times(text, sentences)
    whole = normalise_times(times, sentences, None)
    first = normalise_times(times, sentences, None, until_sentence=0)
    assert [t.value for t in first] == ["2019-04-03"]
    assert first == [t for t in whole if t.sentence == 0]


def test_the_future_of_something_is_no_time():
    text = "Trade is important to the future of our peoples. Talks will resume in the future."
    sentences = split_sentences(text)
    found = normalise_times(find_times(text, sentences), sentences, REF)
    assert [(t.start, t.value) for t in found] == [(text.rindex("the future"), "FUTURE_REF")]


def test_days_of_trading_or_business_are_days():
    found = values("Shares fell for eight trading days. The firm has ten business days to reply.")
    assert found["eight trading days"] == ("P8D", "day", "duration")
    assert found["ten business days"] == ("P10D", "day", "duration")


def test_a_bare_year_far_past_the_reference_with_no_time_word_is_no_date():
    found = values("It performed slightly better than a 2080 Ti. Emissions must reach zero by 2075, "
                   "and ice may be gone in the year 2090. The 2030 Agenda is named for 2030.", date(2020, 11, 5))
    assert "2080" not in found
    assert found["2075"][0] == "2075" and found["2090"][0] == "2090" and found["2030"][0] == "2030"


def test_a_count_with_thousands_separators_is_read_whole():
    # A real pile (polo history, a 2019 page): "around 2,500 years ago" was read as "500 years ago"
    # and put the game's origin on the timeline in 1519; "10,000 years ago" became the page's year.
    assert values("It was a Shah's game around 2,500 years ago.")["2,500 years ago"][0] == "PAST_REF"
    assert values("People settled the valley 10,000 years ago.")["10,000 years ago"][0] == "PAST_REF"
    assert values("The city was founded 1,200 years ago.")["1,200 years ago"][:2] == ("0821", "year")
    assert values("The temple took 1,500 years to finish.")["1,500 years"][0] == "P1500Y"
    assert values("He left 20 years ago.")["20 years ago"][0] == "2001"


def test_a_century_spelled_out_is_read_whole():
    # A real pile (plague news): "the Black Death during the fourteenth century" had no time, so its
    # events took the page's date; "the twenty-first century" was read as "first century" ("00").
    assert values("It was known as the Black Death during the fourteenth century.")["the fourteenth century"][:2] \
        == ("13", "century")
    assert values("The challenges of the twenty-first century are many.")["the twenty-first century"][0] == "20"
    assert values("In the mid-nineteenth century, mills grew.")["the mid-nineteenth century"][0] == "18"
    assert values("A seventeenth-century painting was sold.")["seventeenth-century"][0] == "16"
    assert values("The 21st century began.")["The 21st century"][0] == "20"


def test_spring_as_a_verb_or_a_water_source_is_no_season():
    # A real pile (a laptop review dated 2019-11-18): "even if you spring for the bigger model" put
    # an event on the timeline in spring 2019 ('2019-SP').
    for text in ("It is heavy, even if you spring for the bigger model.", "New cafes spring up every week.",
                 "The rebels could spring a surprise.", "Officers had to spring into action.",
                 "They bathed in a hot spring near the village."):
        assert "spring" not in values(text), text
    assert values("The talks resumed in spring.")["spring"][0] == "2021-SP"
    assert values("The spring election was close.")["The spring"][0] == "2021-SP"
    assert values("Spring is late this year.")["Spring"][0] == "2021-SP"


def test_a_quarter_or_half_of_a_game_is_no_date():
    # A real pile (an NBA recap, page 2019-11-20): "Schröder scored 20 of his 31 points in a
    # phenomenal first half", "got a technical foul in the third quarter", "Kuzma returned to the
    # bench in the second half" were the year's H1, Q3 and H2 on the timeline.
    game = ("Dennis Schröder scored 20 of his season-high 31 points in a phenomenal first half. "
            "Schröder got a technical foul in the third quarter after Davis dunked. "
            "Kuzma returned to the bench in the second half with 12 rebounds.")
    assert values(game, date(2019, 11, 20)) == {}
    # a results story keeps its quarters and halves
    results = ("The company earned $2.8 billion in the third quarter. Profit rose in the first half, "
               "and sales grew 4 percentage points.")
    assert {k: v[0] for k, v in values(results, date(2019, 11, 20)).items()} == \
        {"the third quarter": "2019-Q3", "the first half": "2019-H1"}
    # a year or "of the year" says the calendar's, even in a sports story
    assert values(game + " The club's revenue fell in the first half of 2019.", date(2019, 11, 20))[
        "the first half of 2019"][0] == "2019-H1"


def test_a_day_just_passed_in_future_context_is_not_next_years():
    # A real pile (Politico, page 2019-12-30): "a decision he disclosed in an interview ... that
    # published on Dec. 19, ahead of the filing deadline at noon on Dec. 20" (the parse read the
    # deadline's clause as future) gave 2020-12-20, and the article's event date with it.
    assert normalise_time("Dec. 20", "The congressman will depart, ahead of the filing deadline at noon on Dec. 20",
                          date(2019, 12, 30), tense="future").value == "2019-12-20"
    assert normalise_time("Jan. 3", "The court will rule on Jan. 3", date(2019, 12, 30), tense="future").value \
        == "2020-01-03"
    assert normalise_time("Nov. 2", "The court will rule on Nov. 2", date(2019, 12, 30), tense="future").value \
        == "2020-11-02"


def test_a_weekday_after_ahead_of_in_a_present_clause_is_the_coming_one():
    # A real pile (CBS News, page Monday 2020-02-24): "The stakes are high for all of the candidates
    # ahead of Tuesday's Democratic debate in South Carolina" was the Tuesday before (02-18), and
    # the article's event date with it.
    monday = date(2020, 2, 24)
    assert normalise_time("Tuesday", "The stakes are high for all of the candidates ahead of Tuesday's Democratic "
                          "debate in South Carolina", monday).value == "2020-02-25"
    assert normalise_time("Sunday", "Campaigns are busy in the run-up to Sunday's vote", monday).value \
        == "2020-03-01"
    # told as past, it is the one behind
    assert normalise_time("Tuesday", "The candidates sparred ahead of Tuesday's debate", monday,
                          tense="past").value == "2020-02-18"
    assert normalise_time("Tuesday", "He said Tuesday the vote was close", monday).value == "2020-02-18"


def test_a_future_word_on_a_noun_leaves_a_past_clause_past():
    # A real pile (AP, page 2019-11-20): "PG&E initiated four rounds of planned outages in
    # October" gave 2020-10: "planned" modifies the outages, the clause is past.
    nov = date(2019, 11, 20)
    assert normalise_time("October", "PG&E initiated four rounds of planned outages in October", nov,
                          tense="past").value == "2019-10"
    assert normalise_time("May", "The senate approved the upcoming budget in May", nov, tense="past").value == "2019-05"
    # the plan itself still lies ahead
    assert normalise_time("May", "The vote is planned for May", nov).value == "2020-05"
    assert normalise_time("March", "The accession was planned for early March", nov, tense="past").value == "2020-03"


def test_as_soon_as_before_a_clause_says_nothing_of_the_future():
    # A real pile (page 2019-11-19): "I opposed the hold as soon as I learned about it on July 18"
    # gave 2020-07-18; "as soon as Monday" still looks ahead.
    nov = date(2019, 11, 19)
    assert normalise_time("July 18", "I opposed the hold as soon as I learned about it on July 18", nov,
                          tense="past").value == "2019-07-18"
    assert normalise_time("Monday", "The ruling could come as soon as Monday", nov).value == "2019-11-25"


def test_a_possessive_weekday_is_behind_despite_a_future_word_of_the_verb_above_it():
    # TempEval-3 AQUAINT (tuning half): "they would look for ways to get around Wednesday's ruling"
    # (said on Friday) is the ruling of two days before, not next Wednesday; TimeBank and the tuning
    # half date all 19 possessive weekdays behind or on the reference day.
    friday = date(2000, 1, 7)
    context = "The relatives said they would look for ways to get around Wednesday's ruling by the agency"
    assert normalise_time("Wednesday", context, friday).value == "2000-01-05"
    # the parse of the noun's own clause still puts it ahead, and so does "ahead of"
    assert normalise_time("Tuesday", "The candidates will face off in Tuesday's debate", friday,
                          tense="future").value == "2000-01-11"
    assert normalise_time("Tuesday", "Polls tighten ahead of Tuesday's debate", friday).value == "2000-01-11"
    # "around" before it is the phrasal verb's, not an approximation in the extent
    times = values(context + ".", friday)
    assert times["Wednesday"][0] == "2000-01-05" and "around Wednesday" not in times


def test_today_and_tomorrow_as_eras_are_no_days():
    # TimeBank ("in today's world", "many of today's personal computers", "the people of tomorrow")
    # and AQUAINT ("for today's youth") annotate none of these; a day's own things stay days.
    for text in ("The case of Elian is for today's youth what the blockade was.",
                 "Barriers apply only to fathers in today's world.",
                 "The chips are in many of today's personal computers.",
                 "If I were choosing the people of tomorrow, I would choose them."):
        assert not values(text), text
    assert values("The offer was advertised in today's editions.")["today"][0] == "2021-10-22"
    assert values("But tomorrow's vote has international implications.")["tomorrow"][0] == "2021-10-23"


def test_a_clock_time_before_a_full_date_takes_its_year():
    # The Detroit News (htmldate-eval, 2020-03-17): "at about 9 p.m. March 17, 2015" was read as
    # "about 9 p.m. March 17" of the page's year (2020-03-17T21:00) and a bare year "2015"
    found = values("Ditwan Morgan had gone to a corner store near her home at about 9 p.m. March 17, 2015, "
                   "when an argument ensued.", reference=date(2020, 3, 17))
    assert found["about 9 p.m. March 17, 2015"][0] == "2015-03-17T21:00"
    assert "2015" not in found


def test_a_house_number_before_a_street_name_is_no_year():
    # a police blotter (article-extraction-benchmark): "of 1909 Jolinda Drive" was the year 1909
    found = values("Officers stopped a vehicle driven by Jonathan P. Blair, 29, of 1909 Jolinda Drive. "
                   "The office moved to 2000 Pennsylvania Avenue in 1995.")
    assert "1909" not in found and "2000" not in found
    assert found["1995"][0] == "1995"


def test_a_date_written_with_dots_is_day_first():
    """"3.4.2019" is 3 April (German, Dutch, Russian ... write dots day first; no month-first
    country does); it was read 4 March as slashes are on a page without a day-first sign."""
    found = values("The treaty was signed on 3.4.2019 in Berlin and ratified on 3/4/2019 in Boston.")
    assert found["3.4.2019"][0] == "2019-04-03" and found["3/4/2019"][0] == "2019-03-04"
    assert values("It was filed on 4.13.2019.")["4.13.2019"][0] == "2019-04-13"  # a day above 12 decides
