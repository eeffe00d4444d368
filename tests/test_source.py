import pytest

from generator.clean import clean
from generator.extract.source import extract_source

# A paragraph long enough to be the article's text (twenty words and more).
P = ("The ministers met in the capital on Tuesday and agreed to expand cooperation in trade, energy and "
     "transport over the next five years, officials said.")
NAV = "Home\nWorld\nBusiness\n"


@pytest.mark.parametrize("text, source", [
    # Listed outlets, as the text attributes them.
    ("Title\n\nThe minister met guests, Report informs.", "Report"),
    ("Title\n\nThe Ministry of Defence told APA about the meeting.", "APA"),
    ("Title\n\nBEIJING, Oct. 22 (Xinhua) -- China and Azerbaijan met.", "Xinhua"),
    ("Title\n\nMOSCOW, October 22. /TASS/. The talks went well.", "TASS"),
    ("Title\n\nThe talks went well and both sides agreed.\n\nNews.Az", "News.Az"),
    (f"Title\n\nANKARA (AA) – {P}", "Anadolu Agency"),
    (f"Title\n\nKarlsruhe (dpa) - {P}", "dpa"),
    # National agencies and papers of every region, each shown by its masthead's name ("(ENA)" signs the
    # Ethiopian News Agency); letters another body shares are listed only in longer forms, so India's
    # "Unified Payments Interface (UPI)" credits no agency and "© 2025 STAT" is no Slovenian agency's.
    (f"Title\n\nBRUSSELS (Belga) - {P}", "Belga"),
    (f"Title\n\nADDIS ABABA (ENA) - {P}", "Ethiopian News Agency"),
    (f"Title\n\n{P}\n\nCopyright © 2025 Kommersant. All rights reserved.", "Kommersant"),
    (f"Title\n\n{P} India's Unified Payments Interface (UPI) will be rolled out in Kenya, officials said.", None),
    (f"Title\n\n{P}\n\n© 2025 STAT. All rights reserved.", "STAT"),
    # An agency cited inside the story, in the past tense, is not the source.
    ("Title\n\nThe talks went well, Xinhua news agency reported.", None),
    ("Title\n\nThe talks went well.", None),
    # Wire credits of agencies nobody listed.
    (f"Headline about the talks\n\nLAGOS (NAN) – {P}", "NAN"),
    (f"Headline about the talks\n\nBaku/18.10.22/Kavkaz Press: {P}", "Kavkaz Press"),
    (f"Headline about the talks\n\nRiyadh, March 08, 2024, GPA -- {P}", "GPA"),
    # A masthead at the top of a page that opens on its navigation, and a copyright line.
    (f"The Example Times\n{NAV}Headline about the talks\n{P}\n© 2024 The Example Times. All rights reserved.",
     "The Example Times"),
    (f"Northwind Courier\n{NAV}Headline about the talks\n{P}", "Northwind Courier"),
    (f"Headline about the talks\n\n{P}\n\nCopyright © Example Media", "Example Media"),
    (f"Headline about the talks\n\n{P}\n\nCopyright © 2023 Example Weekly Private Ltd. All rights reserved",
     "Example Weekly"),
    (f"Headline about the talks\n\n{P}\n\n© Kestrel Review 2024", "Kestrel Review"),
    (f"Headline about the talks\n\n{P}\n\nAgence Exemple - Tous droits réservés", "Agence Exemple"),
    # The company's name holds the masthead's: the masthead's is shown.
    (f"Circuitry\n{NAV}Headline about the talks\n{P}\n© 2025 Circuitry Media Group", "Circuitry"),
    # An acronym and its full name are one outlet; the dateline's credit is the spelling shown.
    (f"APE - Agence de Presse Exemple\n{NAV}Headline about the talks\nDakar, 12 mars (APE) – {P}\n"
     "Agence de Presse Exemple - Tous droits réservés", "APE"),
    (f"ENR | Example News Review\nMenu\nSearch\nHeadline about the talks\n{P}\n© 2025 Example News Review",
     "Example News Review"),
    # A name set in capitals is shown as the text spells it elsewhere.
    (f"NORTHERN STAR\n{NAV}Headline about the talks\n{P} The plan was welcomed, Northern Star reports.",
     "Northern Star"),
    # The text speaking of itself.
    (f"Headline about the talks\n\nExample Wire Staff | July 19, 2024\n\n{P}", "Example Wire"),
    (f"Headline about the talks\n\nBy Example Post Staff\n\n{P}", "Example Post"),
    (f"Headline about the talks\n\n{P}\n\nPublished in Daily Lantern, February 23rd, 2024", "Daily Lantern"),
    (f"Headline about the talks\n\n{P}\n\nSource: Kestrel Wire", "Kestrel Wire"),
    (f"Headline about the talks\n\n{P} An official told FarmBeat by phone that it was welcome.", "FarmBeat"),
    (f"Headline about the talks\n\nFrom:\nDepartment for Example Affairs, The Rt Hon Jane Doe MP\n\n{P}",
     "Department for Example Affairs"),
    # A body signing its own release with its acronym.
    (f"Headline about the talks\n\n{P}\n\nPrivacy   Terms of use   © 2024 WHO", "World Health Organization"),
    # Listed outlets by their page's spellings.
    (f"DAWN.COM Logo\n{NAV}Headline about the talks\n{P}", "Dawn"),
    (f"DW\n{NAV}Headline about the talks\n{P}\n© 2024 Deutsche Welle | Privacy Policy", "DW"),
    # The page's own name, twice, beats the agency it credits.
    (f"DAILY SABAH\n{NAV}Headline about the talks\nDAILY SABAH WITH AA\n{P}", "Daily Sabah"),
    # A host page that never names itself: the agency.
    (f"Skip to Content\nNews\nWeather\nHeadline about the talks\nPARIS (AFP) — {P}", "AFP"),
    # Not signals: a photo credit, a person told, a lone title-case headline, the Crown, a statement.
    (f"Headline about the talks\n\nImage: John Doe/AFP/Getty Images\n\n{P}", None),
    (f"Headline about the talks\n\n{P} The minister told Parliament and told reporters.", None),
    (f"Headline about the talks\n\n{P} The minister told Smith that it was welcome.", None),
    (f"Oil Prices Rise Again\n\n{P}", None),
    (f"Headline about the talks\n\n{P}\n\n© Crown copyright", None),
    (f"JOINT STATEMENT\non the official visit of the Prime Minister of the Republic to the Kingdom\n{P}", None),
    (f"Home | Africa | Business | Mining | Energy\n\nKINSHASA, June 22 – {P}", None),
    (f"Headline about the talks\n\n{P} NATO said so, an official told NATO.", None),
    # A name the page's own address spells agrees with it ("Nile Online" and nileonline.example).
    (f"Headline about the talks\n\nNile Online , Thursday 11 Jan 2024\n\n{P}\n\n"
     "Short link: https://english.nileonline.example/News/1.aspx", "Nile Online"),
    (f"Headline about the talks\n\nNile Online , Thursday 11 Jan 2024\n\n{P}", None),
    # A newsletter greeting its reader beats the writer's own copyright line.
    (f"Barrels & Basis\nSubscribe\nSign in\nHeadline about the talks\nMara Lind\n{P}\n"
     "Welcome back to Barrels & Basis, the weekly letter on crude.\n© 2024 Mara Lind", "Barrels & Basis"),
    (f"Headline about the talks\n\n{P}\n\nYou're reading Boxes & Berths, a free newsletter.", "Boxes & Berths"),
    # A listed agency on a line of its own under the standfirst.
    (f"Headline about the talks\n\n{P}\n\nPTI\nNEW DELHI\n\n{P}", "PTI"),
    # An unlisted outlet the text says was told, ending the sentence; not a person told something.
    (f"Headline about the talks\n\n{P} The ministry's press service told Steppe Ledger.", "Steppe Ledger"),
    (f"Headline about the talks\n\n{P} The minister told Parliament.", None),
    # A publisher's company name and "all rights reserved" in other languages are cut from the holder.
    (f"EL PAÍS\n{NAV}Headline about the talks\n{P}\n© EDICIONES EL PAÍS S.L.", "El País"),
    (f"Headline about the talks\n\n{P}\n\n© 2024 SavunmaSanayiST.com Tüm hakları saklıdır.", "SavunmaSanayiST"),
    # A photo credit after "©" is no copyright line; a site's software is never its outlet; a one-letter
    # piece of a masthead names nothing; the page's first line after its skip links is its masthead.
    (f"Headline about the talks\n\n{P}\n\nPhoto Credit\n© UNICEF/Josué Mbarga", None),
    (f"Headline about the talks\n\n{P}\n\nCommunity platform by XenForo® © 2010-2024 XenForo Ltd.", None),
    (f"Skip to main content\nAccessibility links\nNPR\nNews\nCulture\nHeadline about the talks\n{P}\n"
     "More Stories From NPR", "NPR"),
    # A publisher's company name that begins with the outlet's is the outlet's; a sign-off is no outlet.
    (f"The Mainichi\n{NAV}Headline about the talks\n{P}\n© The Mainichi Newspapers", "The Mainichi"),
    (f"Boxes & Berths\nA weekly note on ports\nSubscribe\nSign in\n\n{P}\n\nYou're reading Boxes & Berths, a free "
     "newsletter.\n— Priya\n© 2024 Priya Raman", "Boxes & Berths"),
    (f"Headline about the talks\n\n{P}\n\n© Bangkok Post Public Company Limited", "Bangkok Post"),
    # The page's title line names its outlet when the outlet is named again on the page; a caption's
    # trailing agency credit is no wire credit.
    (f"Opposition wins the election by a landslide - The Korea Herald\nThe Korea Herald\nSubscribe\nSearch\n"
     f"Headline about the talks\nSEOUL (Yonhap) -- {P}\n© The Korea Herald", "The Korea Herald"),
    (f"Headline about the talks\n\nMinisters meet ahead of the talks in Rome. (AFP)\n\n{P}", None),
    # A stamp line credited to the outlet, a credit trailer, "Subscribe to …" beside the masthead against a
    # publisher company's copyright, a brand written in lower case above the menu; a language switch's
    # two-letter codes name nothing.
    (f"Headline about the talks\n(People's Daily Online) 16:40, November 20, 2024\n\n{P}", "People's Daily Online"),
    (f"RO | EN\nSocial\nHeadline about the talks\n\n{P}\n\nAGERPRES (RO - author: Ana Pop, editor: Dan Ion)",
     "Agerpres"),
    (f"The Scotsman\n{NAV}Headline about the talks\n{P}\nSubscribe to The Scotsman\n©National World Publishing Ltd.",
     "The Scotsman"),
    (f"ynetnews\nSkip to main content\nNews\nBusiness & Tech\nHeadline about the talks\n{P}", "ynetnews"),
    # A feed's footer names the site; a date in a dateline's brackets is no outlet; an agency told
    # something in the story does not outweigh the dateline's credit.
    (f"Headline about the talks\n\n{P}\n\nThe post Headline about the talks appeared first on The Astana Times.",
     "The Astana Times"),
    (f"Headline about the talks\n\nKUALA LUMPUR (Sept 4): {P}", None),
    (f"Headline about the talks\n\nBELGRADE, July 15 (Beta) – {P} The ambassador told Tanjug the drill matters.", "Beta"),
    # The publisher's company beside the outlet's own name: the outlet, as its dateline or masthead signs.
    (f"Headline about the talks\n\nYEREVAN, June 11. /ARKA/. {P}\n\n© ARKA News Agency. All rights reserved.", "ARKA"),
    (f"Bishkek, April 22, 2025 / Kabar /. {P}", "Kabar"),
    (f"Euractiv\n{NAV}Headline about the talks\n{P}\nCopyright © 2025 Euractiv Media Network BV", "Euractiv"),
    (f"Headline about the talks\n\n{P}\n\n© 2025 Kathimerini Publishing S.A. All rights reserved.", "Kathimerini"),
    (f"Le Monde.fr\n{NAV}Headline about the talks\n{P}", "Le Monde"),
    # A photo's copyright credits the photographer's agency, not the page; a brand in lower case signs it.
    (f"euronews\n{NAV}Headline about the talks\nThe reservoir has shrunk. - Copyright AP Photo/Emilio Morenatti\n{P}\n"
     "Copyright © euronews 2024", "Euronews"),
    # A site's address as its credit, written out in words elsewhere on the page.
    (f"Zimbabwe to ban lithium concentrate exports (Mining Weekly – June 6, 2025)\n\nHARARE (miningweekly.com) – {P}",
     "Mining Weekly"),
    # The page's own words about itself: a correspondent's report, a reuse notice, a newsletter's footer.
    (f"Headline about the talks\n\n{P} The meeting was held in Batken, a 24.kg news agency correspondent reports.",
     "24.kg"),
    (f"Headline about the talks\n\n{P}\n\nCopying and use of 24.kg materials is possible only with a hyperlink.",
     "24.kg"),
    (f"Headline about the talks\n\n{P}\n\nYou are receiving this email because you subscribed to Balancing Act's "
     "Broadcast and Film newsletter.", "Balancing Act"),
    # A name alone above a strip of menu items is the masthead; the company owning the page is not.
    (f"×\nApp Icon\nThe Standard e-Paper\n\nThe Standard\nHome | Kenya | Business | Counties | Opinion\nHeadline about the talks\n{P}",
     "The Standard"),
    (f"Headline about the talks - spectator.example.sk\nThe Slovak Spectator\n{NAV}Headline about the talks\n{P}\n"
     "© Copyright 2026 Petit Press a.s.", "The Slovak Spectator"),
    # A company's own release: its copyright names the company its first paragraph is about, legal form and all.
    (f"Kalvara Copper Corp.\n\nHeadline about the merger\n\nVANCOUVER, March 12, 2024 – Kalvara Copper Corp. and "
     f"Tamboro Resources Limited agreed to merge. {P}\n\n© 2024 Kalvara Copper Corp. All rights reserved.",
     "Kalvara Copper Corp."),
    # A social post's account: its name and the handle that spells it.
    (f"Post\n\nSee new posts\nIndian Navy\n@indiannavy\n{P}", "Indian Navy"),
    (f"Headline about the talks\n\n{P}\n\n© 2025 Notes from Poland. All rights reserved.", "Notes from Poland"),
    # A month, a word of a copyright line, a language switch or a platform is no outlet.
    (f"Policy brief on the restructuring talks - June 2025\n\n{P}\n\nJune 2025", None),
    (f"Headline about the talks\n\n{P}\n\nCopyright © 2025 Copyright", None),
    (f"Skip to content\nNederlands    English\n{NAV}Headline about the talks\n{P}", None),
    (f"Bluesky\n{NAV}Headline about the talks\n{P}", None),
    # A release's wire credit glued to its text; a publisher company gives way to the masthead.
    (f"Headline about the launch\n\nTAMPA, Fla.--(BUSINESS WIRE)--{P}", "Business Wire"),
    (f"DAILY SABAH\n{NAV}Headline about the talks\n{P}\n© Turkuvaz Haberleşme ve Yayıncılık 2026", "Daily Sabah"),
    # A publication of an outlet's goes by the outlet's name: its banner's, or its copyright's.
    (f"Global Cement\n{NAV}Headline about the talks\n{P}\nPublished in Global Cement News\n"
     "Subscribe to Global Cement Weekly", "Global Cement"),
    (f"Headline about the talks\n\n{P}\n\nYou are receiving this email because you signed up for Devex Newswire.\n"
     "© 2026 Devex. All rights reserved.", "Devex"),
    # A clipping's link to its original; a byline's outlet after a bar; a radio station told something.
    (f"Headline about the tunnel\nJuly 15 | Kuensel\n\n{P}\n\nContinue reading on Kuensel >>", "Kuensel"),
    (f"Headline about the talks\nBy Dana Kowalchuk | Winnipeg Free Press\n\n{P}", "Winnipeg Free Press"),
    (f"Headline about the talks\n\n{P} Travellers have told Clare FM they face hotel bills.", "Clare FM"),
    # A body's own page: its name first, then its text reporting as itself, or its "About" section.
    (f"Statistics Netherlands\nNederlands    English\nHeadline about the prices\n\nPrices rose 2.4 percent in May, "
     f"Statistics Netherlands (CBS) reports on the basis of a quick estimate. {P}", "Statistics Netherlands"),
    (f"Supreme Court of Estonia\n{NAV}PRESS RELEASE No 112/25\nHeadline about the fine\n\n{P}",
     "Supreme Court of Estonia"),
    (f"General Court of the European Union\nPRESS RELEASE No 87/26\nLuxembourg, 10 June 2026\n\nHeadline about the "
     f"fine\n\n{P}", "General Court of the European Union"),
    # A repost's credit for the original outweighs the hosting site's own masthead and copyright.
    (f"JIJI PRESS\n{NAV}Headline about the shells\n\nProvided by Nation.\n\n{P}\n\n© JIJI PRESS LTD", "Nation"),
    (f"InfoBalkans\n{NAV}Headline about the talks\n\n{P}\n\nSource: Tanjug | 22.05.2025\n\n© 2025 InfoBalkans",
     "Tanjug"),
    # A copyright link's label is no holder; a body's name written out beats its letters; one word the
    # page writes in lower case too is its furniture.
    (f"Headline about the ruling\n\n{P}\n\nBAILII: Copyright Policy | Disclaimers | Privacy Policy", None),
    (f"Bank for International Settlements\n{NAV}Headline about prices\n\n{P}\n\n© BIS 2026", "Bank for International Settlements"),
    (f"Containers\n{NAV}Headline about the collision\n\n{P} The ships carried containers to Singapore.", None),
    # "told ERR" beside the masthead "ERR News": the brand with "News".
    (f"ERR News\n{NAV}Headline about the talks\n{P} The minister told ERR the plan stands.", "ERR News"),
    # A report's series after its publisher's acronym, in the running header of every page; a report's credit.
    (f"KIPS Commentary\nHeadline about the talks\n\n{P}\n\nKIPS COMMENTARY 18.03.2025 1\n\n{P}", "KIPS"),
    (f"Headline about the talks\n\n{P}\n\nKIPS Policy Brief No. 12 — June 2025 • A. Author     2\n\n{P}", "KIPS"),
    (f"Headline about the talks\n\n{P}\n\nKIPS Policy Brief 12 / 2025      2\n\n{P}\n\nKIPS Policy Brief 12 / 2025      3",
     "KIPS"),
    (f"KIPS BRIEFING PAPER 412\nHeadline about the talks\n\n{P}\n\nKIPS BRIEFING PAPER 412       3\n\n{P}", "KIPS"),
    (f"Headline about the talks\n\n{P}\n\nThis update was prepared by FSNET. The content is not an official view.", "FSNET"),
    # A company's release whose prose says what the company built: no software vendor's credit.
    (f"KESTREL YARDS\n{NAV}Headline about the ships\n\n{P} The ships are an evolution of the platform already "
     "built by Kestrel Yards for the line, which ordered four more this week after a year of talks.\n\n"
     "© 2025 Kestrel Yards S.p.A.", "Kestrel Yards"),
    # A body's one-word head takes "of the" in its copyright line; a longer name keeps its own words; a
    # state's formal name over a government site is no outlet.
    (f"Headline about the talks\n\n{P}\n\n© Parliament of the Republic of Ruritania", "Parliament of the Republic of Ruritania"),
    (f"Headline about the talks\n\n{P}\n\n© 2025 The Kestrel Council of the United States. All rights reserved.",
     "The Kestrel Council"),
    (f"Republic of the Philippines\n{NAV}Headline about the talks\n\n{P}", None),
    # A brand's address in camel case in the copyright line outweighs the agency it credits; a newsletter's
    # own pitch names it.
    (f"iTledger\n{NAV}Headline about the breach\n\nSYDNEY (KNA) - {P}\n\nCopyright © iTledger.com.au . All rights reserved.",
     "iTledger"),
    (f"Headline about the terminal\n\n{P}\n\nGet PortBrief daily\n\nPortBrief is read by thousands of traders.",
     "PortBrief"),
    # An aggregator's credit for the original before the dateline outweighs its own masthead and copyright;
    # a byline in brackets is none.
    (f"NEWSHUB\n{NAV}Headline about the drill\n\n(NEWSHUB- Harbour Press Agency) KUWAIT, Nov 18 - {P}\n\n"
     "Copyright © 2025 NEWSHUB.com. All rights reserved.", "Harbour Press Agency"),
    (f"Headline about the wage\n\n(By Chen Yi-ting and Lee Hsin-Yin)\n\n{P}", None),
    # A listed outlet's letters that the page defines as another body's name are that body's, as written.
    (f"Headline about the wage\n\nTaipei, Aug. 28 (CNA) {P}\n\nCopyright © 2025 Central News Agency (CNA). All rights "
     "reserved.", "CNA"),
    (f"Headline about the wage\n\nSINGAPORE (CNA) - {P}", "CNA"),
    # A body's account over a post's age published the post, not the platform; a person's post names no outlet.
    ("Nextdoor\nSearch Nextdoor\nHome\nGroups\nKestrel County Health Department\nAgency · Public health\n"
     f"2 days ago · Shared with 186 neighborhoods\n\n{P}", "Kestrel County Health Department"),
    (f"Bluesky\nAna Kovačević\n@ana.bsky.social · 3h\n\n{P}", None),
    # A broadcaster's account: its handle with a suffix, or a name opening on its letters over the post's age.
    (f"Post\n\nKestrel World\n@KestrelWorld_com\n\n{P}", "Kestrel World"),
    (f"KBN Channel 1\n2h · 🌐\n\n{P}", "KBN Channel 1"),
    # A listed outlet as a story's byline on another site's page wrote it; a copyright line with a colon.
    (f"Kestrel.Az\n{NAV}Headline about the plan\nBy Trend\n\n{P}\n\nCopyright © 2025 Kestrel.Az - All rights reserved.",
     "Trend"),
    (f"Headline about the plan\n\n{P}\n\nCopyright: Kestrel Institute for Balkan Studies (www.kibs.example)",
     "Kestrel Institute for Balkan Studies"),
    # A body's name right above the menu, under a government banner, issued the page.
    ("Skip to main content\nAn official website of the Kestrel government Here's how you know\n"
     f"Kestrel Food and Drug Administration\nSearch\nMenu\n\nHome\nSafety\nHeadline about the recall\n\n{P}",
     "Kestrel Food and Drug Administration"),
    # A republished story's credit for where it first ran outweighs the host's masthead and copyright; a
    # journal a sentence cites is no such credit.
    (f"Harbour Post\n{NAV}Headline about the forest\n\n{P}\n\nThis article was originally published by Kestrel "
     "Review.\n\n© 2025 Harbour Post", "Kestrel Review"),
    (f"Harbour Post\n{NAV}Headline about the forest\n\n{P}\n\nRepublished with permission from Kestrel Review."
     "\n\n© 2025 Harbour Post", "Kestrel Review"),
    (f"Harbour Post\n{NAV}Headline about the forest\n\n{P} The study, first published in Kestrel Review, found "
     "losses.\n\n© 2025 Harbour Post", "Harbour Post"),
    # A breadcrumb is no masthead, with or without its separators.
    (f"Home Economy\n{NAV}Headline about the excise\n\n{P}", None),
    (f"Kestrel Radio / Economía / Headline about the excise\n\n{P}", None),
    (f"Headline about the excise\n\nMOSCOW, October 22. /TASS/. {P}", "TASS"),
    # A series named in words is no publisher's name; the company a masthead is published by gives way to it.
    (f"Headline about the rating\n\n{P}\n\nRating Action Commentary\n\nRating Action Commentary", None),
    (f"Harbour Ledger\n{NAV}Headline about the talks\n\n{P}\n\nHarbour Ledger is published by Quay Insights Limited.\n"
     "Copyright © 2026 Quay Insights Limited. All rights reserved.", "Harbour Ledger"),
    # A report's pages carry its name beside their numbers; an acronym there is shown as its body's name where
    # the report spells it out; a cover photo's credit is no copyright of the report's.
    (f"BRIEF\nJune 2025\n\n{P}\n\n2                         Kestrel Watch Canada | Brief\n\n"
     f"{P}\n\nKestrel Watch Canada | 3                      www.kestrelwatch.example", "Kestrel Watch Canada"),
    (f"KIIS POLICY BRIEF              MAY 2026\n\n{P}\n\n2                  KIIS POLICY BRIEF MAY 2026\n\n{P}\n\n"
     f"3                  KIIS POLICY BRIEF MAY 2026\n\nCover photo: Wheat harvest. © Harbour Pictures\n\n"
     "KIIS · Kestrel Institute for International Studies", "Kestrel Institute for International Studies"),
    (f"HARBOUR ADVISOR\nA DAILY PUBLICATION OF THE HARBOUR INSTITUTE\n\nBOARD OF ADVISORS\nAnna Berg\n"
     f"Director, Quay Insurance Group\n\nFEATURED Q&A\nHeadline about the peso\n\n{P}\n\n"
     f"Harbour Advisor   Thursday, December 14, 2023      Page 3\n\n{P}", "Harbour Advisor"),
    # A section's label over the stamp is no masthead.
    (f"From the Newsroom\n28/08/2025 - 17:40\nCompartilhe:   Facebook   X   LinkedIn   WhatsApp\n\n{P}", None),
    # A series' words alone are no publisher; a name of capitals after a lower-case letter is ("iFOREST"); a
    # company site's section after the company's name is cut.
    (f"ISSUE BRIEF\nMarch 2025\n\n{P}\n\nkFOREST | Issue Brief                              1\n\n{P}\n\n"
     "kFOREST | Issue Brief                              2", "kFOREST"),
    (f"Kestrel Airports Investor Relations\n{NAV}Headline about the tender\n\n{P}", "Kestrel Airports"),
    # A repost's bare "Originally published by"; a newsroom's byline and "told" in Spanish; a menu's word in
    # Portuguese or Spanish is no masthead.
    (f"Harbour Post\n{NAV}Headline about the tea\nOriginally published by Kestrel Daily\n\n{P}\n\n© 2025 Harbour Post",
     "Kestrel Daily"),
    (f"Headline about the soy\nRedacción Kestrel Agrícola\n\n{P} La productora contó a Kestrel Agrícola que "
     "la cosecha fue buena.", "Kestrel Agrícola"),
    (f"Assine\n{NAV}Headline about the dam\n\n{P}", None),
    # A generic body's legal name keeps its state, though a menu names the body alone; a name two or three
    # lines long ("Office of the Seimas of the Republic of Lithuania") takes "of the" after any word.
    (f"Ministry of Defence & Armed Forces of the Kestrel Republic\nEnglish\nSearch\nHome\nMinistry of Defence\n"
     f"Armed Forces\nNews\n\nHeadline about the visit\n\n{P}\n\n© 2024 Ministry of Defence of the Kestrel Republic, "
     "all rights reserved", "Ministry of Defence of the Kestrel Republic"),
    # A name over the text that the page signs again under it (its "About" box, a line of its own with its
    # letters, a running footer, before its copyright) is the publisher; set in capitals, it is shown as the
    # text writes it. A section's label alone again, or an author's name in a sentence, is no signature.
    (f"Kestrel Institute of Affairs\nCOMMENTARY 25 | 61\n\n{P}\n\nKestrel Institute of Affairs (KIA)\n{P}",
     "Kestrel Institute of Affairs"),
    (f"Policy Brief\nHeadline about the tariff\nKESTREL CENTER FOR THE SOUTH\n1\n\n{P}\n\n"
     "About the Kestrel Center for the South\nThe Kestrel Center for the South is a think tank.", "Kestrel Center for the South"),
    (f"Harbourwatch | English\nHeadline about the accord\n\n{P}\n\nHarbourwatch © 2025 All rights reserved.",
     "Harbourwatch"),
    (f"Tankers\nHeadline about the collision\n\n{P}\n\nTankers\nHeadline about another ship", None),
    (f"Helen Marrow\nHeadline about the summit\n\n{P}\n\nHelen Marrow is a columnist at large.", None),
    (f"Kestrel Gas\nAbout Kestrel Gas\nHeadline about the pipeline\nAnna Berg and Omar Daud\nAnna Berg and Omar Daud"
     f"\n\n{P}\n\nAnna Berg and Omar Daud\n{P}\n\n© 2025 Kestrel Gas", "Kestrel Gas"),
    (f"Post\n\nConversation\n\nKestrel Embassy Baku\n@KestrelBaku\n[1/4] {P}\n4:37 PM · Oct 22, 2024\n\n"
     f"Kestrel Embassy Baku\n@KestrelBaku\n[2/4] {P}\n\nKestrel Embassy Baku\n@KestrelBaku\n[3/4] {P}\n\n"
     f"Kestrel Embassy Baku\n@KestrelBaku\n[4/4] {P}", None),
    # A dateline's credit after a standfirst, glued to the year ("2025/APO Group/"), outweighs a body's letters
    # in a "Source:" line; a listed outlet's letters at the front of a longer name are not its credit ("APO"
    # is not AP); an English edition's credit for the paper it translates.
    (f"Africa-Newsroom\nSource: World Health Organization (WHO) - Tanzania |\nHeadline about the vaccine\n\n{P}\n\n"
     f"DAR ES SALAAM, Tanzania, April 25, 2025/APO Group/ --\n\n{P}\n\n© 2025 APO Group. All rights reserved.",
     "APO Group"),
    (f"Business\nHeadline about the pound\n\n{P}\n\nEdited translation from Al-Kestrel Al-Youm", "Al-Kestrel Al-Youm"),
    # A brand's lower-case prefix before a word with a capital inside it.
    (f"Headline about the howitzers | bne KestrelNews\nHome\nNews\n\n{P}\n\nCopyright © 2025 bne KestrelNews. "
     "All rights reserved.", "bne KestrelNews"),
    # A report series' name after its publisher's is no part of it.
    (f"Kestrel-Pakistan Policy Brief\nMay 2025\nHeadline about the fishing ban\n\n{P}\n\n"
     f"Kestrel-Pakistan Policy Brief | 2\n\n{P}\n\nKestrel-Pakistan Policy Brief | 3", "Kestrel-Pakistan"),
    # A repost's credit in French spacing and brackets.
    (f"Kestrel Actu\nHeadline about the gold\n\n{P}\n\nSource : (Agence Kestrelfin)", "Agence Kestrelfin"),
    # A listed outlet set in capitals in a dateline of a day alone; an unlisted one credited as the text opens;
    # a listed one as the byline, and in the trailer that says who first published the report.
    (f"Brote de sarampión en Andalucía\n\nSEVILLA, 14 (EUROPA PRESS)\n\n{P}", "Europa Press"),
    (f"Bridge collapses under a grain truck\n\n(Radio Kestrel) – {P}", "Radio Kestrel"),
    (f"Mayor wins by-election\nBy The Canadian Press\n\n{P}\n\nThis report by The Canadian Press was first "
     f"published Oct. 21, 2025.", "The Canadian Press"),
    # A post's author over its age is a person, no outlet.
    (f"Mette Kjærsgaard Holm\nSenior engineer at Kestrel\n1w • Edited •\n\n{P}\n\nLike  Comment  Repost", None),
    # A periodical's running footer, with its issue number and its page number.
    (f"Headline about the airline\n\n{P}\n96    KESTREL AFRIQUE – N° 3146 – AVRIL 2025\n{P}", "Kestrel Afrique"),
    # A logo's text alternative names the site; so does a holder written before the copyright sign.
    (f"Kestrel Color logo\nLo último\nNacionales\nPolítica\nHeadline about the airline\n\n{P}", "Kestrel Color"),
    (f"Headline about the airline\n\n{P}\nPrensa Kestrel © 2025. Todos los derechos reservados.", "Prensa Kestrel"),
    # A Cyrillic masthead and copyright line name the site as Latin ones do; the network a post is copied
    # from does not.
    (f"Укрінформ\nНовини\nПолітика\nЕкономіка\nHeadline about the airline\n\n{P}\n© 2015-2025 Укрінформ. Усі права "
     f"дотримано.", "Укрінформ"),
    # A section's desk signing the story is no outlet: the menu holds its name.
    (f"Diario Kestrel\nColombia\nPolítica\nJusticia\nEconomía\nHeadline about the airline\nRedacción Justicia\n\n{P}"
     f"\n© 2025 Diario Kestrel Casa Editorial. Prohibida su reproducción.", "Diario Kestrel"),
])
def test_source(text, source):
    assert extract_source(clean(text), text) == source


@pytest.mark.parametrize("text, source", [
    ("Title\n\nThe minister met guests, Report informs.", "Report"),
    ("Title\n\nBEIJING, Oct. 22 (Xinhua) -- China and Azerbaijan met.", "Xinhua"),
    ("Title\n\nThe talks went well, Xinhua news agency reported.", None),
])
def test_source_from_the_cleaned_parts_alone(text, source):
    assert extract_source(clean(text)) == source


def test_the_page_number_pre_check_lets_through_every_line_the_pattern_matches():
    from corpus_text import corpus_lines
    from generator.extract.source import _PAGE_NUMBER, _may_hold_a_page_number

    lines = [line for line in corpus_lines() if line and len(line) <= 160]
    lines += ["2                         Kestrel Watch Canada | Brief", "Kestrel Watch Canada | 3      www.k.example",
              "Latin America Advisor   Thursday, December 14, 2023      PAGE 3", "Page 2 of 9"]
    assert len(lines) > 5000
    matched = [line for line in lines if _PAGE_NUMBER.search(line)]
    assert len(matched) >= 4
    assert all(_may_hold_a_page_number(line) for line in matched)


def test_photo_credits_found_in_two_parts_are_those_of_the_one_pattern():
    # _is_photo_credit tries the credit's opening, then the rest behind a lookahead of their first letters
    # (folded as the pattern folds case: "ſ" is an "s", "ı" and "İ" are an "i").
    from corpus_text import corpus_lines
    from generator.extract.source import _PHOTO_CREDIT, _is_photo_credit

    made = ["Photo: AFP", " (Photo by X)", "IMAGE CREDIT: X", "Source: Getty", "X/AFP", "xx GETTY IMAGES",
            "ſhutterstock", "ımage: x", "İMAGE: x", "Illustrations credit: x", "fotos:", "photographer: x",
            "ſhutterstock via x", "SHUTTERSTOCK", "x /AFP y", "x/afpz", "Getty  Images", "GETTY IMAGES 2024", "",
            "pictures credits :", "Kelvin sign Shutterstoc\u212a", "ı ş ə ß İ", "photo"]
    lines = [line for line in corpus_lines() if line] + made
    assert sum(map(_is_photo_credit, lines)) > 20
    for line in lines:
        assert _is_photo_credit(line) == bool(_PHOTO_CREDIT.search(line)), line


def test_the_rows_words_a_line_holds_are_found_in_one_pass():
    # _open_signals tries a row on the lines that hold one of its `needs`, as _needs finds them.
    from corpus_text import corpus_lines
    from generator.extract.source import _needs, _signals

    needs = {need for _, _, row_needs, _, _ in _signals() for need in row_needs}
    assert not any("\n" in need for need in needs)       # a region's lines are joined by line breaks
    held = 0
    for line in corpus_lines() | {"© 2024 X", "told Reuters", "From:", "(c) X (C) Y"}:
        assert _needs().held(line) == {need for need in needs if need in line}, line
        held += bool(_needs().held(line))
    assert held > 1000


def _named_again_line_by_line(name, lines, lowered, start, foot):
    # _named_again as it read before it looked for the name in the joined page first.
    import re
    from generator.extract.source import _PAGE_NUMBER, _is_paragraph, _name_re

    if len(name) < 3 or any(c.isdigit() for c in name) or not _name_re().fullmatch(name):
        return False
    wanted = name.lower()
    alone_at = [n for n, low in enumerate(lowered) if low.strip(" .") == wanted]
    for number, (line, low) in enumerate(zip(lines[start:], lowered[start:]), start):
        at = low.find(wanted)
        if at < 0 or _is_paragraph(line):
            continue
        before, after = low[:at].strip(), low[at + len(wanted):].strip()
        lettered = re.fullmatch(r"\([a-z&]{2,8}\)", after) is not None
        alone = not after.strip(" .") or lettered
        if alone and before in ("about", "about the") or not before and lettered and " " in name \
                or not before and not after.strip(" .") and " " in name and number > foot and len(alone_at) <= 2 \
                or not before and after.startswith(("©", "copyright")) or _PAGE_NUMBER.search(line):
            return True
    return False


@pytest.mark.parametrize("lines", [
    [],
    [""],
    ["İstanbul Haber Ajansı", "Home | News", "", "About İstanbul Haber Ajansı", "İstanbul Haber Ajansı © 2025"],
    ["Bakı Xəbər", "A long paragraph " * 5, "bakı xəbər", "Bakı Xəbər", "BAKI XƏBƏR (BX)"],
    ["Straße Zeitung", "STRASSE ZEITUNG", "Straße Zeitung", "x" * 30 + " straße zeitung", "Page 3   Straße Zeitung"],
    ["Şehir Postası", "Şehir Postası.", "Şehir Postası", "Şehir Postası", "about the şehir postası"],
])
def test_a_name_signed_again_is_found_as_line_by_line(lines):
    from itertools import accumulate
    from generator.extract.source import _named_again

    lowered = [line.lower() for line in lines]
    page, starts = "\n".join(lowered), list(accumulate((len(low) + 1 for low in lowered[:-1]), initial=0))
    names = {part.strip(" .") for line in lines for part in line.split("|")} | {"", "İstanbul", "Bakı Xəbər", "ß"}
    for name in names:
        for start in range(len(lines) + 2):
            for foot in (0, 1, len(lines)):
                assert _named_again(name, lines, lowered, start, foot, page, starts) \
                    == _named_again_line_by_line(name, lines, lowered, start, foot), (name, start, foot)


def test_a_listed_outlet_bylined_beside_its_stamp_is_the_source():
    text = "\n".join(["City", "Epaper", "", "Floods worsen as the river crosses the danger mark", "",
                      "By ANI | Updated: July 4, 2025 19:28 IST", "",
                      "Guwahati, July 4 : The flood situation deteriorated further on Friday with more than "
                      "six lakh people affected in 21 districts, officials said."])
    assert extract_source(clean(text), text) == "ANI"


def test_the_title_line_over_the_headline_it_repeats_names_the_site():
    text = "\n".join(["Ir al contenido", "Gobierno de Chile", "ONEMI  Oficina Nacional de Emergencia",
                      "Inicio   Alertas   Noticias", "", "Resumen de incendios forestales | ONEMI", "",
                      "Resumen de incendios forestales", "",
                      "A continuación se detallan los incendios forestales registrados en el territorio nacional "
                      "y su afectación, conforme a lo reportado por los equipos regionales."])
    assert extract_source(clean(text), text) == "ONEMI"


def test_a_footer_naming_the_publications_of_a_company_names_the_outlet_not_the_company():
    text = "\n".join(["Steppe Ledger", "News  Analysis  Members", "", "Missiles fired into the sea on Monday", "",
                      "The missiles were fired into the sea on Monday morning, the joint chiefs said, hours after the "
                      "drills began.", "",
                      "© 2025 Ledger Risk Group. All rights reserved. Steppe Ledger and Ledger Pro are publications "
                      "of Ledger Risk Group."])
    assert extract_source(clean(text), text) == "Steppe Ledger"


def test_an_outlet_that_reports_what_officials_said_is_cited_not_the_source():
    text = "\n".join(["Jets to carry the nuclear mission", "",
                      "The government will buy twelve jets able to carry the weapons, the prime minister said on "
                      "Wednesday, in the largest change to the deterrent in a generation.", "",
                      "PA Media reports that officials would not say where the weapons would be stored."])
    assert extract_source(clean(text), text) is None


@pytest.mark.parametrize("text, source", [
    # "Source" in the page's language, on its own line or set apart in a stamp line by wide spaces
    ("Kyrgyzstan and Tajikistan reopen checkpoint\n\nApril 22, 2025, 11:40       Источник AKIpress       Комментарии\n\n"
     "The checkpoint on the border resumed operation on Monday after four years, officials said.\n", "AKIpress"),
    ("Gobierno anuncia nuevo plan de riego\n\nEl ministerio presentó el plan este lunes en la capital del país.\n\n"
     "Fuente: Radio Kestrel\n", "Radio Kestrel"),
    # the word inside prose is no label
    ("Nowy plan\n\nŹródło informacji w ministerstwie potwierdziło, że plan jest gotowy do wdrożenia.\n", None),
])
def test_a_source_label_in_another_language(text, source):
    assert extract_source(clean(text), text) == source


@pytest.mark.parametrize("crumb, source", [
    # A breadcrumb that opens on the site's name and ends on the headline below it names the site.
    ("Blu Radio / Economía / Coljuegos ordena bloquear páginas de apuestas", "Blu Radio"),
    ("Home / Economía / Coljuegos ordena bloquear páginas de apuestas", None),       # a home page's word
])
def test_a_breadcrumbs_root_over_the_headline(crumb, source):
    text = (f"Publicidad\n{crumb}\nColjuegos ordena bloquear páginas de apuestas\n\n"
            "El regulador anunció nuevas reglas para la publicidad de casas de apuestas en el país este lunes.\n")
    assert extract_source(clean(text), text) == source


def test_a_clippings_credit_with_its_date_names_the_original():
    text = ("Republic of Mining\nHome   About   Contact\n\n"
            "Ontario approves closure plan for nickel mine – by Karen Vaillancourt (Northern Kestrel Business – "
            "November 19, 2025)\n\nThe province approved the closure plan for the mine on Tuesday, officials said "
            "in a statement released to reporters.\n\n© 2025 Republic of Mining\n")
    assert extract_source(clean(text), text) == "Northern Kestrel Business"


def test_a_wires_lower_case_brand_in_the_dateline():
    text = ("BörsenKompass\nNachrichten   Aktien   Fonds\n\nBundesregierung genehmigt Radar-Export\n\n"
            "BERLIN (dpa-AFX) - Die Bundesregierung hat den Export von Radaranlagen genehmigt, wie aus einem "
            "Schreiben an den Ausschuss hervorgeht. Die abschließende Genehmigung wurde demnach am 15. Oktober "
            "erteilt.\n\nDie Opposition kritisierte die Entscheidung scharf.\n")
    assert extract_source(clean(text), text) == "dpa-AFX"


@pytest.mark.parametrize("text, source", [
    # The agency that signs the story beside its stamp above the headline; the bank's short name in
    # brackets after its own name is no wire's credit, though the letters are a listed agency's ("BNA").
    ("Notícias ao Minuto\nEconomia\n18/07/25 14:32 ‧ há 3 horas por Lusa\nBanco central corta taxa de juro\n\n"
     "O Banco Nacional de Angola (BNA) reduziu hoje a taxa básica de juro, justificando a decisão com o "
     "abrandamento da inflação nos últimos meses, segundo o comunicado.\n\n© 2025 Notícias ao Minuto", "Lusa"),
    # A copyright's holder in a script without capitals.
    ("الرئيسية\nسياسة\nاقتصاد\nالمحكمة تجدد الإذن باستمرار نشاط المصفاة\n\nقضت المحكمة التجارية بالدار البيضاء، اليوم "
     "الخميس، بتجديد الإذن باستمرار نشاط الشركة لمدة ثلاثة أشهر إضافية، وهي المرة السابعة منذ صدور الحكم.\n\n"
     "جميع الحقوق محفوظة © هسبريس 2025", "هسبريس"),
    # An accessibility link and the menu's "Home" in Malay are none of the site's names.
    ("Skip to main content\nScreen Reader Access\nA-\nA\nA+\nPress Information Bureau\nHome\nPhotos\nVideos\n"
     "Naval exercise concludes off the coast\n\nThe naval exercise of the two navies concluded on Monday in the "
     "seas off the coast, with ships and helicopters of both taking part, officials said.", "Press Information Bureau"),
    ("Utama\nNasional\nEkonomi\nPolitik\nDunia\nUtama > Nasional\nBekalan beras tempatan ditambah\nOleh NUR ROSLAN\n\n"
     "Kerajaan akan menambah bekalan beras tempatan di pasaran mulai bulan depan, kata menteri pada sidang "
     "media di ibu negara semalam.", None),
])
def test_a_source_the_furniture_around_it_does_not_hide(text, source):
    assert extract_source(clean(text), text) == source


@pytest.mark.parametrize("text, source", [
    # A site's reprint notice names it; a newsletter's name stands over its issue's number.
    ("AZ  RU  EN\nBAKU TODAY\nНовости\nПолитика\nМинистр иностранных дел Грузии посетил Баку\n\nМинистр иностранных "
     "дел Грузии провел переговоры в Баку с азербайджанским коллегой, обсудив транзит и энергетику.\n\n"
     "При использовании материалов гиперссылка на Baku Today обязательна.", "Baku Today"),
    ("View this email in your browser\nForwarded this email? Subscribe here for more\nKESTREL SECURITY MONITOR\n"
     "A monthly briefing on defence and security in the region\nIssue No. 41 · June 2024\n\nThis month's issue is "
     "devoted almost entirely to one deal, which we think marks a turning point in how the army is equipped.",
     "Kestrel Security Monitor"),
])
def test_a_site_named_by_its_reprint_notice_or_over_its_issue(text, source):
    assert extract_source(clean(text), text) == source


def test_a_cookie_notice_over_the_masthead_is_no_paragraph():
    text = ("We use cookies to personalize content and ads, to provide social media features and to analyze our "
            "traffic, and we share information about your use of our site with our partners.\nAccept Cookies\n"
            "Skip to main content\nKestrel Post-Gazette\nSubscribe\nSign In\nNews\nLocal\nSports\n"
            "Board approves fare increase\n\nThe transit board voted on Friday to raise the base fare by 25 cents, "
            "the first increase in years, officials said after the meeting.")
    assert extract_source(clean(text), text) == "Kestrel Post-Gazette"


def test_people_told_in_letters_are_no_outlet():
    text = ("Kestrel Post\nNews\nBusiness\nSport\nWater company fined over sewage spill\n\nThe company was fined "
            "on Friday after sewage polluted a beck for three days, the court heard.\n\nThe minister told MPs on "
            "Monday that companies would face consequences.")
    assert extract_source(clean(text), text) == "Kestrel Post"
