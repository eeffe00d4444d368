import pytest

from generator.clean import clean
from generator.extract.date import extract_date


@pytest.mark.parametrize("text, expected", [
    ("Title\n\n# 22 October 2019 13:43 (UTC +04:00)\n\nOn October 22, they met.", ("2019-10-22", "day")),
    ("Title\n\nOn June 14, the minister met guests. The forum is in September, 2024.", (None, None)),
    ("Title\n\nThe visit in late October 2023 mattered.", ("2023-10", "month")),
    ("Title\n\nAt ADEX 2018 the companies showed drones.", ("2018", "year")),
    ("Title\n\nBAKU, March 3 (Xinhua) -- They met on Friday.", (None, None)),
    ("Title\n\nBaku, 15 April 2022, AZERTAC. They met.", ("2022-04-15", "day")),
    ("Title\n\nThe sides met. Nothing else is known.", (None, None)),
    ("Title\n\nThe railway, opened in October 2017, remains the only link.", (None, None)),
    ("Title\n\nCargo grew by 62 percent in 2024 to about 4 million tons.", (None, None)),
    ("Title\n\nBelarus and China began the Eagle Assault-2024 training.", ("2024", "year")),
    ("Title\n\nThe exercise, called CASAREX 2025 and held off the port, began on Monday.", ("2025", "year")),
])
def test_date(text, expected):
    assert extract_date(clean(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # A date line at the head, in any language the month table knows.
    ("Title of the story here\n23 ноя 2021 | 10:42\n\nRussia has started deliveries of the systems to India, the director of the service said on Monday.", ("2021-11-23", "day")),
    ("MineWire Staff | July 19, 2024 | 4:52 pm\nSerbia signs pact\n\nThe European Union and Serbia signed a memorandum of understanding in Belgrade today, officials said.", ("2024-07-19", "day")),
    # "Published" beats "Updated"; a site's clock far above the story loses to the story's stamp.
    ("Title\nAtualizado em 24 de março de 2023 às 15h20\nPublicado em 23 de março de 2023 às 10h47\n\nBrazilian beef exports to China can resume immediately, the minister said today in Beijing.", ("2023-03-23", "day")),
    ("Montevideo, February 3rd 2025 - 14:07 UTC\nNews\nSports\nTuesday, January 28th 2025 - 09:41 UTC\nArgentina cuts duties\n\nArgentina's government announced on Monday a temporary reduction in export duties on grains.", ("2025-01-28", "day")),
    # A leading date line that states only a month.
    ("date 2024-06 Title of it\n\nThe sides met and agreed on a plan for the coming year, officials said.", ("2024-06", "month")),
    # A month and year standing under the byline dates the page, before a full date of its background;
    # a headline that asks is no paragraph, so the line below it is still the head.
    ("Research\nAbout\nAfter the cap: how much bite is left in the sanctions on seaborne crude?\nBy: Ann Lee\nMarch 2024\n\n"
     "When the embargo took effect on 5 December 2022, the consensus view was that output would fall within months.",
     ("2024-03", "month")),
    # An ISO stamp after a byline's pieces; a year and a time run together; a numeric stamp whose day and
    # month could be either way round is day first, unless the page keeps US clock time.
    ("Title of the story here\nBy LIU XUAN | chinadaily.com.cn | Updated: 2024-07-30 09:12\n\n"
     "The armed forces of three countries opened their first joint exercise near the coast on Monday.", ("2024-07-30", "day")),
    ("Title of the story here\nApril 26, 20246:51 PM ET\n\nRegulators shut down the bank on Friday and sold its "
     "branches to a rival lender, the agency said.", ("2024-04-26", "day")),
    ("Title of the story here\n11/05/2024 - 13:25\n\nThe ministers of the three countries met in the capital "
     "and agreed to hold joint exercises, officials said.", ("2024-05-11", "day")),
    # A stamp's age and byline after its clock and a mark ("‧ há 3 horas por Lusa"); a two-digit year.
    ("Economia\nBanco central corta taxa de juro pela primeira vez\n18/07/25 14:32 ‧ há 3 horas por Lusa\n\n"
     "O Banco Nacional reduziu hoje a taxa básica de juro, justificando a decisão com a inflação.", ("2025-07-18", "day")),
    ("Uberlândia decreta situação de emergência por causa da dengue\n08/02/2024 11h47 · Atualizado há 6 horas\n\n"
     "A prefeitura de Uberlândia decretou nesta quinta-feira situação de emergência em saúde pública.", ("2024-02-08", "day")),
    ("Title of the story here\n11/05/2024 6:51 PM ET\n\nThe ministers of the three countries met in the capital "
     "and agreed to hold joint exercises, officials said.", ("2024-11-05", "day")),
    # A byline's US stamp under a deck long enough to read as a paragraph; a month-first stamp with a
    # two-digit year; a comma after the month; a Serbian date in Cyrillic.
    ("Will the rules close the loophole?\nCommerce blacklists 140 firms and reaches for foreign-made tools at last.\n"
     "DANIEL OKAFOR - 12/3/2024, 2:19 PM\n\nThe Commerce Department on Monday added 140 companies to its trade "
     "blacklist, officials said.", ("2024-12-03", "day")),
    ("Title of the story here\nPublished: 11.21.24, 18:04\n\nThe two ministers met in the capital on Thursday and "
     "signed an agreement, officials said.", ("2024-11-21", "day")),
    ("Title of the story here\nMarch, 15, 2025 - 18:47\n\nThe two ministers spoke by phone on Saturday and agreed "
     "to meet again soon, officials said.", ("2025-03-15", "day")),
    ("Title of the story here\nчетвртак, 14. нов 2024, 16:38\n\nThe two ministers met in the capital on Thursday "
     "and signed an agreement, officials said.", ("2024-11-14", "day")),
    # A dotted date with its sentence's stop; the stamp under a deck, a credit and a section.
    ("Title of the story here\nMonday, March 17, 2025\nNews\nTitle of the story here\n14.03.2025.\n\nThe two "
     "ministers met in the capital on Thursday and signed an agreement, officials said.", ("2025-03-14", "day")),
    ("Headline about the deal\nIndonesia will get shore batteries of the missile under the contract signed on the eve "
     "of the holiday.\nEdited by Rohit Mehra\nIndia News\nUpdated: January 25, 2025 9:14 pm IST\n\nIndia signed a "
     "$450 million deal with Indonesia on Saturday, officials said.", ("2025-01-25", "day")),
    # A span is an event's, not the page's; the closing "Done in" line dates the document.
    ("JOINT STATEMENT\n(Baku, 11-12 July 2024)\n\nThe two leaders held talks in Baku and agreed to deepen their cooperation in all areas.\n\nDone in Baku, 12 July 2024.", ("2024-07-12", "day")),
    # "3 hours ago" states nothing; a yearless dateline keeps only a year carried by the event's name.
    ("Title\nUpdated 3 hours ago\n\nThe sides met. Nothing else is known.", (None, None)),
    ("Eagle Assault-2024 begins\n\nMINSK, July 8. /TASS/. Special forces of Belarus and China have begun the Eagle Assault-2024 training.", ("2024", "year")),
    # A field of a line of fields, and a social post's clock-and-date stamp under the post.
    ("Norway and Poland sign a partnership\nPress release | Date: 07/11/2025 | No: 98/2025\n\nThe two ministers met "
     "in the capital on Friday and signed an agreement, officials said.", ("2025-11-07", "day")),
    ("Indian Navy\n@indiannavy\nThe ship made her first port call at Nuku'alofa, where the crew met officials and "
     "local students.\n4:18 PM · Sep 22, 2025\n·\n12K Views", ("2025-09-22", "day")),
    # A stamp's numbers either way round, though the date finder reads only a year in them; a periodical's issue.
    ("Inflation falls to 2.4 percent in May\nNews\n04-06-2026 14:30\n\nConsumer prices were 2.4 percent higher in "
     "May 2026 than a year earlier, the statistics office reports.", ("2026-06-04", "day")),
    ("ISSUE: 2025 No. 47\n\nIndonesia's Submarine Ambitions\n\nThe navy lost a submarine with all 53 crew on "
     "board in April 2021, exposing the age of the fleet.\n\nThe two new boats will be built at the state yard in "
     "Surabaya under a transfer of technology.\n\nThe navy wants twelve boats in service by the middle of the next "
     "decade, officials have said.\n\nNotes\n\n2 Indonesian Navy, press briefing, 25 April 2021.",
     ("2025", "year")),
    # A repost's title line closes with its credit and the original's date.
    ("Zimbabwe to ban lithium concentrate exports from 2027 – by Thandi Mokoena (Mining Weekly – June 6, 2025)\n\n"
     "HARARE – Zimbabwe will stop exports of lithium concentrates from January 2027, the minister said on Thursday.",
     ("2025-06-06", "day")),
    # "Date of event" labels another day than the page's; the original's publication beats the repost's.
    ("Floods - Operation update\nPosted: 13 Mar 2025\nOriginally published: 12 Mar 2025\n\nOPERATION\n"
     "Date of event: 24/02/2025\n\nAt least 61,500 people have been affected by the floods since late February, "
     "the civil defence office said.", ("2025-03-12", "day")),
    # A cookie notice above the page is no paragraph: the stamps below it are still the head's.
    ("Utilizamos cookies propias y de terceros para mejorar nuestros servicios y mostrarle publicidad relacionada "
     "con sus preferencias. Si continúa navegando, consideramos que acepta su uso.\nAceptar Configurar\n"
     "El ACA adjudica las obras de la presa\nCreado:\n12/03/2026 06:30\n\nLa Agència Catalana de l'Aigua ha "
     "adjudicado por 41,6 millones de euros las obras de recrecimiento de la presa, según ha informado hoy.",
     ("2026-03-12", "day")),
    # An ambiguous day and month are read day first: a "5pm" in the text is no US stamp.
    ("Wind auction shortlist named\n09/12/2025\n\nSix projects were shortlisted on Monday, and the community "
     "session at the hall will run on Thursday from 5pm, the developer's spokeswoman said.", ("2025-12-09", "day")),
    ("Wind auction shortlist named\nDANIEL OKAFOR - 12/3/2024, 2:19 PM\n\nSix projects were shortlisted on "
     "Monday, and the session at the hall will run on Thursday, the developer's spokeswoman said.", ("2024-12-03", "day")),
    # A byline with the outlet after a slash, then the day.
    ("Bunker spill fouls the bay\nby Karl Azzopardi/Harbour-World on 14 Oct 2025\n\nMaltese authorities were racing "
     "to contain an estimated 40 tonnes of fuel oil that escaped off the island's coast on Sunday.", ("2025-10-14", "day")),
    # A case number under the stamp is no date; the stamp's day is written with a dot.
    ("Home » Press » News\n14. October 2025\nCourt strikes down the vehicle tax rules\nCase no. 5-25-14\n\n"
     "The Constitutional Review Chamber of the Supreme Court today declared the provisions unconstitutional, "
     "the court said in a statement.", ("2025-10-14", "day")),
    # A stamp glued to its hidden twin.
    ("FIFA warns federation\nPublished On 22 Oct 202522 Oct 2025\n\nFIFA and the confederation warned the "
     "federation on Wednesday that the new sports law breaches their statutes, officials said.", ("2025-10-22", "day")),
    # A post's age only: the page's day is not stated, and a day or month in its text is an event's; a year
    # in an event's name still counts.
    ("University of the North\n5d • Edited •\n\nFrom September 2026 the university will teach most of its "
     "bachelor's programmes in Dutch again, the board said after a long debate with students and staff.", (None, None)),
    ("Harbour News\n2 days ago\n\nThe certificate was handed over at a ceremony, and the centre will open from "
     "July 1, 2025, according to a joint statement from the two companies building it.", (None, None)),
    ("Harbour News\n3 hours ago\n\nThe navies began the CASAREX 2025 exercise off the port, the ministry said "
     "in a statement carried by the agency on its website.", ("2025", "year")),
    # The stamps of a "Latest news" list under the text date other stories; a trailing stamp dates the page.
    ("Training of pilots agreed\n\nThe two air forces agreed on Tuesday to train pilots together on the transport "
     "aircraft, the ministry said.\n\nThe first course will open at the base next spring, and the plan for the "
     "next year was signed at the end of the meeting, the ministry added.\n\nLatest news\nOil prices slip\n14 October, 2025 / 08:51\nSOCAR meets "
     "delegation\n13 October, 2025 / 18:27\nAll news", (None, None)),
    ("Training of pilots agreed\n\nThe two air forces agreed on Tuesday to train pilots together on the transport "
     "aircraft, the ministry said.\n\n14 October, 2025 / 08:51", ("2025-10-14", "day")),
    # ISO 8601's basic form on a line of its own is the page's stamp, nearer the text than the site's clock.
    ("Tuesday, October 21, 2025\nGuardian\nLeaks to be fixed in 90 days\nby\n6 days ago\n20251015\n\nThe "
     "minister gave the water authority 90 days to repair the leaking mains, he said at a site visit.",
     ("2025-10-15", "day")),
    # A post's stamp with a day and month but no year: the page's day is not stated.
    ("Vasil Terziev\n14 March at 10:24 · 🌐\n\nToday the first tram set off on the new line. Construction started "
     "in May 2023, and the line cost BGN 96 million, most of it from the European Union.", (None, None)),
    # One line with both stamps: the first publication's; a stamp glued to its reading time.
    ("Fibre for the valley\nUpdated October 3 2025 - 9:12am, first published October 2 2025 - 4:45pm\n\nThe towns "
     "will get full fibre connections from next year, the company said on Thursday.", ("2025-10-02", "day")),
    ("Mayor wins byelection\nBy The Example Press\nTue., Oct. 21, 20252 min. read\n\nThe former deputy mayor "
     "won Monday's byelection with 51 per cent of the vote, unofficial results show.", ("2025-10-21", "day")),
    # A line of fields parted by slashes; a byline's outlet glued to a year-first stamp.
    ("Diesel subsidy reaches the islands\nPosted in Local News / By Hafiz Ramli / March 3 2026 5:12 pm\n\nThe "
     "programme will be extended to the two states from May 1, the finance minister announced.", ("2026-03-03", "day")),
    ("Defence plan signed\nBenas Jarašius, LRT.lt2024.05.14 17:42\n\nThe two ministers signed a plan of "
     "cooperation for the next year at a meeting in the capital on Tuesday.", ("2024-05-14", "day")),
    # A stamp's day and month and its time, without a year: the page's day is stated without its year.
    ("Lebanon plunged into total blackout\nRania Khoury, 18/02 16:00 - Reading : 4 minute(s)\n\nThe last total "
     "blackout dates back to August 17, 2024, when the plant also stopped for lack of fuel.", (None, None)),
    # A byline's stamp with its clock, nearer the text than the edition's clock; a stamp right under the
    # headline, above a list of related cases; a "Published" stamp under a caption, past an appeal that
    # reads as a sentence; a wrapped sentence's end in a PDF's text is no stamp.
    ("International Edition | Tuesday | August 1, 2017\nTyphoon leaves thousands without power\nThe Kestrel Post "
     "news staff Monday, July 31, 2017, 9:47 pm TWN\n\nThe typhoon cut power to thousands of homes in the east "
     "of the island on Monday, the power company said.", ("2017-07-31", "day")),
    ("WADA vs MNADA & Khulan Enkhbayar\n14 Mar 2025\nRelated cases\n• MNADA vs Khulan Enkhbayar\nSeptember 12, 2024"
     "\n\nThe panel upheld the appeal of the agency against the decision of the national body, the court said.",
     ("2025-03-14", "day")),
    ("Play Live Radio\nNHPR\nDonate\nOur year-end drive is on: give today and we'll send you the wool beanie as a "
     "thank-you.\nNews\nPolitics\nSenate and House pass the budget, sending it to the governor\nThe two-year spending "
     "plan cuts funding for the university system and freezes some taxes.\nSenators listen to the debate on the "
     "budget in the State House in Concord on Thursday.\nKate Ellery / NHPR\nKate Ellery\nPublished June 26, 2025 at "
     "6:14 PM EDT\nUpdated June 26, 2025 at 9:02 PM EDT\nThe Legislature approved a two-year state budget on "
     "Thursday, ending weeks of talks among the leaders of both chambers.\nThe Senate voted 16-8 along party lines "
     "to pass the budget and its companion bill, which carries dozens of policy changes.\nRelated Content\nHouse "
     "passes its budget\nMay 29, 2025\n© 2025 New Hampshire Public Radio", ("2025-06-26", "day")),
    ("Issue Brief\nJuly 2025\nIntroduction\nThe government organization bill, however, stalled in the\n"
     "National Assembly after the declaration of martial law\non December 3, 2024, and the impeachment.\n"
     "The plan shifts the emphasis to housing", ("2025-07", "month")),
    # A day written with a space before its comma; a teaser's stamp under the text that names another day
    # than the dateline's dates another story.
    ("Fuel subsidy ends\nAug 9 , 2025\n\nThe government ended the fuel subsidy for public transport on "
     "Saturday, the ministry said.", ("2025-08-09", "day")),
    ("Nationwide blackout hits the country\n\nNAIROBI, Kenya, Jun 3 – Large parts of the country were plunged "
     "into darkness on Tuesday evening after a fault on the main line, the company said.\n\nPower was back in "
     "most of the capital by midnight, and engineers were still working on the line on Wednesday morning.\n\n"
     "The company said it would publish a report on the fault within two weeks, as the regulator requires.\n\nMore on Capital FM"
     "\nParliament approves the budget estimates\nNAIROBI, Kenya, May 14 – The regulator raised prices.\n"
     "May 14, 2025", (None, None)),
    # A "Published" stamp outranks a bare "Date:" line nearer the text (a quoted source's).
    ("Published Date: 2024-05-08 14:22:10 EDT\nSubject: Anthrax in the district\n\nSource: Daily Monitor\n"
     "Date: Mon 6 May 2024\n\nTwo people have died after eating meat from cattle that died of anthrax, "
     "health officials said on Monday.", ("2024-05-08", "day")),
    # A release's issuer and place before its date at the foot.
    ("Operation Coral 2024 detects 14 vessels\n\nThe regional surveillance operation ran from 30 September to 11 "
     "October and covered the exclusive economic zones of nine members, the agency said.\n\nInspections found "
     "14 suspected violations.\n\nIssued by Agency Media, Honiara, Solomon Islands – 18th October 2024",
     ("2024-10-18", "day")),
    # A periodical's running footer, printed on each page with its page number, dates the issue.
    ("Airline bets on long-haul\n\nThe national carrier has carried 1.4 million passengers in 2024, up 18 per "
     "cent on the year before, and on 12 March 2025 it opened a direct route to Johannesburg, its first in the south.\n"
     "Its first wide-body jet was delivered in December, and flights to Paris are due to start before the summer, "
     "the airline said.\n96 WEEKLY AFRICA – N° 3146 – AVRIL 2025\n"
     "The airline still lost money last year, the chief executive said.\nWEEKLY AFRICA – N° 3146 – AVRIL 2025 97",
     ("2025-04", "month")),
    # A numeric stamp with its clock said with a preposition, day first: French "et" is no US time zone.
    ("Sahara: le Conseil de sécurité vote et Rabat salue\nLe 01/11/2025 à 09h47\n\nLe Conseil de sécurité a "
     "adopté la résolution et le texte est salué à Rabat, où le gouvernement parle d'une étape décisive.",
     ("2025-11-01", "day")),
    # Filipino months.
    ("Bangka binomba ng tubig sa Bajo de Masinloc\nSetyembre 17, 2025 | 12:00am\n\nBinomba ng tubig ng China "
     "Coast Guard ang isang barko ng BFAR sa Bajo de Masinloc kahapon, ayon sa mga opisyal.", ("2025-09-17", "day")),
])
def test_date_lines_of_the_raw_page(text, expected):
    assert extract_date(clean(text), None, text) == expected


def test_the_dates_of_a_table_s_rows_are_not_the_page_s_stamp():
    rows = ["ROJA | Comuna de Santa Juana | Incendio forestal | 14-02-2025",
            "ROJA | Comunas de Quillón y Florida | Incendio forestal | 15-02-2025",
            "AMARILLA | Provincia de Malleco | Incendios forestales | 13-02-2025"]
    text = "\n".join(["Gobierno de Chile", "Inicio   Alertas   Noticias", "", "16-02-2025 20:15", "",
                      "Resumen nacional de incendios forestales", "", "Alertas vigentes:", *rows, "",
                      "A continuación se detallan los incendios forestales registrados en el territorio nacional "
                      "y su afectación, conforme a lo reportado por los equipos regionales en la jornada."])
    assert extract_date(clean(text), None, text) == ("2025-02-16", "day")


def test_an_undated_page_takes_no_date_from_its_background_far_down():
    paragraphs = ["The chamber approved the pension reform on its third reading, the government said."] * 4
    text = "\n\n".join(["Chamber approves the pension reform", *paragraphs,
                        "The changes should take effect on 1 January 2025 for all new pensioners."])
    assert extract_date(clean(text), None, text) == (None, None)
    lead = "\n\n".join(["Chamber approves the pension reform",
                        "The chamber approved the pension reform on 12 March 2024, the government said.", *paragraphs])
    assert extract_date(clean(lead), None, lead) == ("2024-03-12", "day")


def test_a_stamp_signed_by_its_writer_below_a_blurb_dates_the_page():
    blurb = ("KJAN News can be heard on the station every hour, with farm news from the networks and the weather "
             "for the seven counties of the listening area, read by the news team.")
    text = "\n".join(["Bridge collapses on a county road", "", blurb, "", "April 17th, 2025 by Dale Kessler", "",
                      "A bridge on a county road collapsed on Wednesday night under the weight of a grain truck, the "
                      "county engineer said, and nobody was hurt."])
    assert extract_date(clean(text), None, text) == ("2025-04-17", "day")


def test_a_stamp_with_its_clock_labelled_time_is_a_stamp():
    text = "\n".join(["Food inflation eases to 26.3% in February", "", "Source: Example Online | Kofi Mensah",
                      "Date: 05-03-2025 Time: 04:21 PM", "",
                      "Food inflation eased to 26.3% in February from 27.0% in January, the statistics service said "
                      "on Wednesday, though the prices of tomatoes and onions rose again."])
    assert extract_date(clean(text), None, text) == ("2025-03-05", "day")


def test_a_wires_closing_line_dates_the_story():
    text = ("Port strike halts grain shipments\nStory by The Canadian Press • 3h\n\n"
            "Longshore workers walked off the job on Friday, halting grain and coal shipments at the port, "
            "the union said in a statement.\n\nTalks are set to resume next week.\n\n"
            "This report by The Canadian Press was first published Nov. 8, 2025.\n")
    assert extract_date(clean(text), None, text) == ("2025-11-08", "day")


def test_lines_without_a_glued_year_are_left_as_the_patterns_leave_them():
    # _unglued tries its two patterns only on a line with a year that a digit or a separator follows.
    from corpus_text import corpus_lines
    from generator.extract.date import _GLUED_DATE, _GLUED_TIME, _unglued

    lines = [" ".join(line.split()) for line in corpus_lines()]
    lines += ["", "LRT.lt2024.05.14 17:42", "April 26, 20246:51 PM ET", "22 Oct 202522 Oct 2025", "Tue., Oct. 21, 20252 min. read",
              "İstanbul2024-05-14", "ß2019/1/2", "2020 ş 2021", "x1920.1.1", "20192", "ı2019.05.14 ə"]
    assert sum(_unglued(line) != line for line in lines) >= 4
    for line in lines:
        assert _unglued(line) == _GLUED_DATE.sub(" ", _GLUED_TIME.sub(r"\1 ", line)), line
