/* The demo gmina: Gmina Brzozowa Wola (powiat wierzbnicki, województwo
 * łódzkie), its partnership, the partners' contact persons and the Local
 * Basket of Services, written as the network worker of the GOPS would
 * keep it.
 *
 * Everything is fictional: names, addresses, phone numbers (44 000 .. ..,
 * 42 000 .. .., 500 000 ...) and e-mail domains (.example). The data lives
 * in static tables; kz_demo_fill only walks them and stores every record
 * through the data layer. Dates of verification and validity are given in
 * days relative to today, so the mix of fresh and stale entries is the same
 * whenever the demo is created. */
#include "koszyk/access.h"
#include "koszyk/demo.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/basket.h"
#include "koszyk/i18n.h"
#include "koszyk/model.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Areas served, as the basket names them. */
#define GMINA "gmina Brzozowa Wola"
#define POWIAT "powiat wierzbnicki"
#define WOJ "województwo łódzkie"

/* verified: days before today; NEVER = not verified yet. */
#define NEVER (-1)

struct demo_partner {
	const char *key;        /* used by the contact and service tables */
	const char *name;
	const char *short_name;
	const char *kind;
	const char *sectors;
	const char *address;
	const char *phone;
	const char *email;
	const char *website;
	const char *status;
	const char *declaration_date;
	const char *role;
	const char *resources;
	const char *notes;
};

struct demo_contact {
	const char *partner;    /* key of a demo partner */
	const char *name;
	const char *position;
	const char *phone;
	const char *email;
	const char *reachable;
	const char *notes;
};

struct demo_service {
	const char *provider;   /* key of a demo partner */
	const char *title;
	const char *kind;       /* NULL = "service" */
	const char *category;
	const char *sector;
	const char *target_groups;
	const char *description;
	const char *access;
	const char *how;
	const char *cost;
	const char *place;
	const char *hours;
	const char *waiting;
	const char *area;
	const char *contact;    /* name of a contact of the provider, or NULL */
	const char *contact_text;
	const char *status;     /* NULL = "active" */
	int valid_from;         /* days from today; 0 = no date */
	int valid_to;           /* days from today; 0 = no date */
	const char *season_from; /* "MM-DD": a period that comes back every */
	const char *season_to;   /* year (ferie, winter); see season_dates() */
	int verified;           /* days before today; NEVER = not verified */
	const char *by;         /* login of the person who verified */
};

/* --- partners ------------------------------------------------------------ */

static const struct demo_partner demo_partners[] = {
	/* pomoc społeczna */
	{ .key = "gops",
	  .name = "Gminny Ośrodek Pomocy Społecznej w Brzozowej Woli",
	  .short_name = "GOPS Brzozowa Wola", .kind = "ops",
	  .sectors = "pomoc_spoleczna",
	  .address = "ul. Główna 12, 97-410 Brzozowa Wola",
	  .phone = "44 000 10 10",
	  .email = "sekretariat@gops.brzozowa-wola.example",
	  .website = "https://gops.brzozowa-wola.example",
	  .status = "declared", .declaration_date = "2025-02-03",
	  .role = "Lider partnerstwa. Prowadzi Lokalny Koszyk Usług, zwołuje "
		  "posiedzenia Partnerskiego Zespołu Kooperacyjnego i "
		  "zatrudnia pracownika ds. sieci; pracownicy socjalni pełnią "
		  "rolę case managerów rodzin.",
	  .resources = "Pracownik ds. sieci (1 etat), 6 pracowników "
		       "socjalnych, 2 asystentów rodziny; sala spotkań na 20 "
		       "osób z rzutnikiem; środki na materiały i poczęstunek "
		       "na posiedzenia.",
	  .notes = "Posiedzenia PZK w drugi wtorek miesiąca o 10:00, "
		   "rotacyjnie u partnerów. Kasa GOPS czynna pn–pt "
		   "8:00–12:00." },
	{ .key = "ug",
	  .name = "Urząd Gminy Brzozowa Wola",
	  .short_name = "UG Brzozowa Wola", .kind = "jst",
	  .sectors = "pomoc_spoleczna;mieszkalnictwo",
	  .address = "ul. Główna 10, 97-410 Brzozowa Wola",
	  .phone = "44 000 10 00",
	  .email = "ug@brzozowa-wola.example",
	  .website = "https://brzozowa-wola.example",
	  .status = "declared", .declaration_date = "2025-02-03",
	  .role = "Organ prowadzący GOPS, szkół i żłobka. Wydaje decyzje w "
		  "sprawie dodatku mieszkaniowego i energetycznego, organizuje "
		  "dowóz uczniów, publikuje koszyk na stronie gminy.",
	  .resources = "Sala konferencyjna (40 miejsc), bus gminny na "
		       "wydarzenia partnerstwa, środki gminnego programu "
		       "profilaktyki, strona internetowa i BIP.",
	  .notes = "W sprawach partnerstwa kontakt przez sekretarza gminy." },
	{ .key = "zi",
	  .name = "Zespół Interdyscyplinarny ds. Przeciwdziałania Przemocy "
		  "Domowej w Brzozowej Woli",
	  .short_name = "Zespół Interdyscyplinarny", .kind = "inna",
	  .sectors = "pomoc_spoleczna;bezpieczenstwo",
	  .address = "ul. Główna 12, 97-410 Brzozowa Wola (siedziba w GOPS)",
	  .phone = "44 000 10 19",
	  .email = "zi@gops.brzozowa-wola.example",
	  .status = "declared", .declaration_date = "2025-02-03",
	  .role = "Koordynuje procedurę „Niebieskie Karty”, powołuje grupy "
		  "diagnostyczno-pomocowe, monitoruje sytuację rodzin.",
	  .resources = "Przedstawiciele GOPS, policji, oświaty, ochrony "
		       "zdrowia, GKRPA i kuratorów; obsługę zapewnia GOPS.",
	  .notes = "Do koszyka nie wpisujemy danych z procedury Niebieskiej "
		   "Karty — tylko informację, jak uzyskać pomoc." },
	{ .key = "pcpr",
	  .name = "Powiatowe Centrum Pomocy Rodzinie w Wierzbniku",
	  .short_name = "PCPR Wierzbnik", .kind = "pcpr",
	  .sectors = "pomoc_spoleczna",
	  .address = "ul. Kościuszki 5, 97-400 Wierzbnik",
	  .phone = "44 000 20 00",
	  .email = "pcpr@powiat-wierzbnicki.example",
	  .website = "https://pcpr.powiat-wierzbnicki.example",
	  .status = "declared", .declaration_date = "2025-03-12",
	  .role = "Partner powiatowy: piecza zastępcza, Ośrodek Interwencji "
		  "Kryzysowej, dofinansowania ze środków PFRON, mieszkania "
		  "chronione, specjalistyczne poradnictwo rodzinne.",
	  .resources = "Psycholog i prawnik OIK, koordynatorzy rodzinnej "
		       "pieczy zastępczej, środki PFRON (turnusy, sprzęt, "
		       "bariery), dwa mieszkania chronione wspierane.",
	  .notes = "Wnioski PFRON także przez system SOW; nabór zwykle od "
		   "lutego do wyczerpania środków." },
	{ .key = "sds",
	  .name = "Środowiskowy Dom Samopomocy w Olszynce",
	  .short_name = "ŚDS Olszynka", .kind = "inna",
	  .sectors = "pomoc_spoleczna;zdrowie",
	  .address = "ul. Szkolna 3, 97-411 Olszynka",
	  .phone = "44 000 11 30",
	  .email = "sds@olszynka.example",
	  .website = "https://sds.brzozowa-wola.example",
	  .status = "declared", .declaration_date = "2025-02-20",
	  .role = "Dzienne wsparcie osób z zaburzeniami psychicznymi i z "
		  "niepełnosprawnością intelektualną; trening umiejętności "
		  "codziennych i społecznych.",
	  .resources = "Terapeuci zajęciowi, psycholog (pół etatu), pracownia "
		       "kulinarna i komputerowa, bus z windą.",
	  .notes = "25 miejsc, w tym 3 dla osób ze spektrum autyzmu." },
	{ .key = "senior",
	  .name = "Dzienny Dom „Senior+” w Zagórzu",
	  .short_name = "Senior+ Zagórze", .kind = "jst",
	  .sectors = "pomoc_spoleczna",
	  .address = "ul. Lipowa 8, 97-412 Zagórze",
	  .phone = "44 000 12 40",
	  .email = "seniorplus@brzozowa-wola.example",
	  .status = "declared", .declaration_date = "2025-02-20",
	  .role = "Dzienny pobyt dla seniorów, zajęcia aktywizujące, posiłek, "
		  "gimnastyka; miejsce spotkań grup wsparcia.",
	  .resources = "Opiekunka, instruktor terapii zajęciowej, sala z "
		       "kuchnią, 20 miejsc.",
	  .notes = "Prowadzony przez gminę w ramach programu „Senior+”; "
		   "decyzję kierującą wydaje GOPS." },
	{ .key = "dps",
	  .name = "Dom Pomocy Społecznej w Dębowej Górze",
	  .short_name = "DPS Dębowa Góra", .kind = "inna",
	  .sectors = "pomoc_spoleczna;zdrowie",
	  .address = "ul. Parkowa 1, 97-413 Dębowa Góra",
	  .phone = "44 000 13 50",
	  .email = "dps@powiat-wierzbnicki.example",
	  .website = "https://dps-debowagora.example",
	  .status = "informal",
	  .role = "Powiatowy DPS. Prowadzi dzienny pobyt dla mieszkańców gminy "
		  "i pobyty wytchnieniowe; doradza rodzinom opiekującym się "
		  "bliskimi.",
	  .resources = "Pielęgniarki, rehabilitant, sala rehabilitacyjna "
		       "udostępniana grupom wsparcia.",
	  .notes = "Deklaracja czeka na zgodę starostwa — współpracujemy bez "
		   "niej, dyrektor bywa na posiedzeniach." },

	/* edukacja */
	{ .key = "sp_bw",
	  .name = "Szkoła Podstawowa im. Marii Konopnickiej w Brzozowej Woli",
	  .short_name = "SP Brzozowa Wola", .kind = "szkola",
	  .sectors = "edukacja;sport",
	  .address = "ul. Szkolna 1, 97-410 Brzozowa Wola",
	  .phone = "44 000 10 30",
	  .email = "sekretariat@sp.brzozowa-wola.example",
	  .website = "https://sp.brzozowa-wola.example",
	  .status = "declared", .declaration_date = "2025-02-03",
	  .role = "Pedagog i psycholog szkolny zgłaszają potrzeby rodzin; "
		  "szkoła prowadzi świetlicę i zajęcia wyrównawcze, udostępnia "
		  "salę gimnastyczną.",
	  .resources = "Pedagog, psycholog, pedagog specjalny, świetlica do "
		       "17:00, sala gimnastyczna i boisko po lekcjach, "
		       "pracownia komputerowa.",
	  .notes = "Dyrektor zgadza się na posiedzenia PZK w bibliotece "
		   "szkolnej." },
	{ .key = "sp_ol",
	  .name = "Szkoła Podstawowa w Olszynce",
	  .short_name = "SP Olszynka", .kind = "szkola",
	  .sectors = "edukacja;sport",
	  .address = "ul. Szkolna 5, 97-411 Olszynka",
	  .phone = "44 000 11 20",
	  .email = "sp@olszynka.example",
	  .status = "informal",
	  .role = "Mała szkoła (klasy 1–8, 86 uczniów); współpracuje przy "
		  "świetlicy, dożywianiu i zajęciach sportowych.",
	  .resources = "Pedagog (wtorki i czwartki), sala na zajęcia "
		       "popołudniowe, sala gimnastyczna.",
	  .notes = "Dyrektor współpracuje chętnie, deklaracji na razie nie "
		   "podpisał." },
	{ .key = "przedszkole",
	  .name = "Przedszkole Samorządowe „Słoneczko” w Brzozowej Woli",
	  .short_name = "Przedszkole „Słoneczko”", .kind = "szkola",
	  .sectors = "edukacja",
	  .address = "ul. Kwiatowa 4, 97-410 Brzozowa Wola",
	  .phone = "44 000 10 40",
	  .email = "przedszkole@brzozowa-wola.example",
	  .website = "https://przedszkole.brzozowa-wola.example",
	  .status = "declared", .declaration_date = "2025-04-07",
	  .role = "Wczesne wychwytywanie trudności rozwojowych, zajęcia "
		  "logopedyczne; prowadzi punkt przedszkolny w Zagórzu.",
	  .resources = "Logopeda, 5 oddziałów, plac zabaw dostępny dla grupy "
		       "rodziców w soboty." },
	{ .key = "zlobek",
	  .name = "Żłobek Gminny „Pod Brzozą”",
	  .short_name = "Żłobek „Pod Brzozą”", .kind = "szkola",
	  .sectors = "edukacja;pomoc_spoleczna",
	  .address = "ul. Kwiatowa 6, 97-410 Brzozowa Wola",
	  .phone = "44 000 10 45",
	  .email = "zlobek@brzozowa-wola.example",
	  .website = "https://zlobek.brzozowa-wola.example",
	  .status = "declared", .declaration_date = "2025-04-07",
	  .role = "Opieka nad dziećmi do lat 3; pierwszeństwo dla rodzin w "
		  "trudnej sytuacji zgłaszanych przez GOPS.",
	  .resources = "32 miejsca, pielęgniarka, sala na spotkania rodziców.",
	  .notes = "Rekrutacja główna w marcu, uzupełniająca przez cały rok." },
	{ .key = "ppp",
	  .name = "Poradnia Psychologiczno-Pedagogiczna w Wierzbniku",
	  .short_name = "PPP Wierzbnik", .kind = "inna",
	  .sectors = "edukacja;zdrowie",
	  .address = "ul. Ogrodowa 14, 97-400 Wierzbnik",
	  .phone = "44 000 20 30",
	  .email = "poradnia@ppp-wierzbnik.example",
	  .website = "https://ppp-wierzbnik.example",
	  .status = "declared", .declaration_date = "2025-03-12",
	  .role = "Diagnoza psychologiczno-pedagogiczna, opinie i orzeczenia, "
		  "terapia, wczesne wspomaganie rozwoju; dyżur w gminie raz w "
		  "miesiącu.",
	  .resources = "Psycholodzy, pedagodzy, logopedzi, doradca zawodowy; "
		       "dyżur konsultacyjny w SP Brzozowa Wola w pierwszy "
		       "czwartek miesiąca.",
	  .notes = "W roku szkolnym na diagnozę czeka się zwykle 4–8 "
		   "tygodni." },
	{ .key = "zsp",
	  .name = "Zespół Szkół Ponadpodstawowych w Wierzbniku",
	  .short_name = "ZSP Wierzbnik", .kind = "szkola",
	  .sectors = "edukacja;rynek_pracy",
	  .address = "ul. Kolejowa 9, 97-400 Wierzbnik",
	  .phone = "44 000 20 40",
	  .email = "sekretariat@zsp-wierzbnik.example",
	  .website = "https://zsp-wierzbnik.example",
	  .status = "invited",
	  .role = "Branżowa szkoła I stopnia i technikum; kwalifikacyjne kursy "
		  "zawodowe dla dorosłych.",
	  .resources = "Warsztaty szkolne, pracownia gastronomiczna, doradca "
		       "zawodowy.",
	  .notes = "Zaproszeni na posiedzenie PZK; czekamy na odpowiedź "
		   "dyrekcji." },

	/* rynek pracy */
	{ .key = "pup",
	  .name = "Powiatowy Urząd Pracy w Wierzbniku",
	  .short_name = "PUP Wierzbnik", .kind = "pup",
	  .sectors = "rynek_pracy",
	  .address = "ul. Kościuszki 7, 97-400 Wierzbnik",
	  .phone = "44 000 20 50",
	  .email = "sekretariat@pup-wierzbnik.example",
	  .website = "https://pup-wierzbnik.example",
	  .status = "declared", .declaration_date = "2025-03-12",
	  .role = "Rejestracja osób bezrobotnych, pośrednictwo i doradztwo "
		  "zawodowe, staże, szkolenia, dotacje; punkt zamiejscowy w "
		  "Urzędzie Gminy.",
	  .resources = "Doradca klienta przypisany do gminy, środki Funduszu "
		       "Pracy, Klub Pracy, dyżur w UG w każdy wtorek.",
	  .notes = "W sprawach partnerstwa kontakt przez kierowniczkę Centrum "
		   "Aktywizacji Zawodowej." },
	{ .key = "ss",
	  .name = "Spółdzielnia Socjalna „Brzozowy Zakątek”",
	  .short_name = "SS „Brzozowy Zakątek”", .kind = "firma",
	  .sectors = "rynek_pracy;biznes",
	  .address = "ul. Polna 2, 97-410 Brzozowa Wola",
	  .phone = "500 000 150",
	  .email = "biuro@brzozowy-zakatek.example",
	  .website = "https://brzozowy-zakatek.example",
	  .status = "declared", .declaration_date = "2025-05-19",
	  .role = "Zatrudnia osoby wychodzące z długotrwałego bezrobocia i "
		  "absolwentów KIS; catering, utrzymanie zieleni, drobne "
		  "remonty.",
	  .resources = "Miejsca treningu pracy, kuchnia (obiady dla Senior+ i "
		       "świetlicy), samochód dostawczy." },
	{ .key = "cis",
	  .name = "Centrum Integracji Społecznej w Wierzbniku",
	  .short_name = "CIS Wierzbnik", .kind = "inna",
	  .sectors = "rynek_pracy;pomoc_spoleczna",
	  .address = "ul. Fabryczna 3, 97-400 Wierzbnik",
	  .phone = "44 000 20 60",
	  .email = "cis@wierzbnik.example",
	  .status = "invited",
	  .role = "Reintegracja społeczna i zawodowa osób długotrwale "
		  "bezrobotnych, po terapii uzależnień, po opuszczeniu zakładu "
		  "karnego.",
	  .resources = "Warsztaty: gastronomiczny, remontowo-budowlany, "
		       "ogrodniczy; 30 miejsc.",
	  .notes = "Zaproszenie wysłane; prosimy PUP o pomoc w rozmowie z "
		   "kierowniczką." },
	{ .key = "ogrodnictwo",
	  .name = "Gospodarstwo Ogrodnicze „Zielone Zagórze”",
	  .short_name = "„Zielone Zagórze”", .kind = "firma",
	  .sectors = "biznes;rynek_pracy",
	  .address = "ul. Sadowa 15, 97-412 Zagórze",
	  .phone = "500 000 520",
	  .email = "praca@zielonezagorze.example",
	  .website = "https://zielonezagorze.example",
	  .status = "invited",
	  .role = "Pracodawca sezonowy; zainteresowany stażami z PUP i "
		  "zatrudnieniem uczestników KIS.",
	  .resources = "Prace sezonowe od kwietnia do października, dowóz "
		       "pracowników z Brzozowej Woli." },

	/* wymiar sprawiedliwości */
	{ .key = "sad",
	  .name = "Sąd Rejonowy w Wierzbniku, III Wydział Rodzinny i "
		  "Nieletnich",
	  .short_name = "SR Wierzbnik – Wydział Rodzinny", .kind = "sad",
	  .sectors = "wymiar_sprawiedliwosci",
	  .address = "ul. Sądowa 2, 97-400 Wierzbnik",
	  .phone = "44 000 21 00",
	  .email = "rodzinny@sr-wierzbnik.example",
	  .website = "https://sr-wierzbnik.example",
	  .status = "informal",
	  .role = "Sprawy opiekuńcze, władzy rodzicielskiej, kontaktów, "
		  "zobowiązania do leczenia odwykowego, sprawy nieletnich.",
	  .resources = "Informacja o trybie składania wniosków; sędzia "
		       "rodzinny bierze udział w konferencjach partnerstwa.",
	  .notes = "Sąd nie podpisuje deklaracji partnerskich; bieżąca "
		   "współpraca przez zespół kuratorów." },
	{ .key = "zkss",
	  .name = "I Zespół Kuratorskiej Służby Sądowej Sądu Rejonowego w "
		  "Wierzbniku",
	  .short_name = "ZKSS Wierzbnik", .kind = "sad",
	  .sectors = "wymiar_sprawiedliwosci",
	  .address = "ul. Sądowa 2, 97-400 Wierzbnik",
	  .phone = "44 000 21 10",
	  .email = "kuratorzy@sr-wierzbnik.example",
	  .status = "declared", .declaration_date = "2025-03-25",
	  .role = "Kuratorzy rodzinni i dla dorosłych; uczestniczą w grupach "
		  "diagnostyczno-pomocowych i zespołach multiprofesjonalnych.",
	  .resources = "Kurator zawodowy rejonu Brzozowa Wola (dyżur w GOPS), "
		       "kuratorzy społeczni." },
	{ .key = "npp",
	  .name = "Fundacja „Prawo na Co Dzień”",
	  .short_name = "Fundacja „Prawo na Co Dzień”", .kind = "ngo",
	  .sectors = "ngo;wymiar_sprawiedliwosci",
	  .address = "ul. Kościuszki 11/3, 97-400 Wierzbnik",
	  .phone = "44 000 21 20",
	  .email = "biuro@prawonacodzien.example",
	  .website = "https://prawonacodzien.example",
	  .status = "declared", .declaration_date = "2025-06-02",
	  .role = "Na zlecenie powiatu prowadzi punkty nieodpłatnej pomocy "
		  "prawnej i nieodpłatnego poradnictwa obywatelskiego, także w "
		  "Brzozowej Woli.",
	  .resources = "Adwokaci, radcy prawni, doradcy obywatelscy, mediator; "
		       "dyżury w Urzędzie Gminy.",
	  .notes = "Zapisy przez powiatową linię zapisów." },
	{ .key = "parasol",
	  .name = "Fundacja „Niebieski Parasol” – Ośrodek Pomocy Osobom "
		  "Pokrzywdzonym Przestępstwem w Łodzi",
	  .short_name = "Fundacja „Niebieski Parasol”", .kind = "ngo",
	  .sectors = "ngo;wymiar_sprawiedliwosci",
	  .address = "ul. Jaśminowa 21, 90-999 Łódź",
	  .phone = "42 000 30 10",
	  .email = "pomoc@niebieskiparasol.example",
	  .website = "https://niebieskiparasol.example",
	  .status = "informal",
	  .role = "Wsparcie osób pokrzywdzonych przestępstwem i świadków: "
		  "prawnik, psycholog, pomoc doraźna; punkt lokalny w "
		  "Wierzbniku.",
	  .resources = "Prawnik i psycholog w Łodzi, dyżur w Wierzbniku raz w "
		       "tygodniu, środki na pomoc doraźną (żywność, leki, "
		       "czasowe zakwaterowanie).",
	  .notes = "Finansowani z dotacji ministerialnej; przyjmują osoby z "
		   "całego województwa." },

	/* bezpieczeństwo publiczne */
	{ .key = "kpp",
	  .name = "Komenda Powiatowa Policji w Wierzbniku",
	  .short_name = "KPP Wierzbnik", .kind = "policja",
	  .sectors = "bezpieczenstwo",
	  .address = "ul. Policyjna 1, 97-400 Wierzbnik",
	  .phone = "44 000 22 00",
	  .email = "kpp@wierzbnik-policja.example",
	  .website = "https://wierzbnik-policja.example",
	  .status = "declared", .declaration_date = "2025-03-25",
	  .role = "Profilaktyka w szkołach, zespół ds. nieletnich; "
		  "przedstawiciel w Zespole Interdyscyplinarnym.",
	  .resources = "Specjalista ds. profilaktyki, prelekcje, udział w "
		       "festynach.",
	  .notes = "W nagłych sytuacjach zawsze 112." },
	{ .key = "posterunek",
	  .name = "Posterunek Policji w Brzozowej Woli",
	  .short_name = "Posterunek Brzozowa Wola", .kind = "policja",
	  .sectors = "bezpieczenstwo",
	  .address = "ul. Główna 14, 97-410 Brzozowa Wola",
	  .phone = "44 000 10 70",
	  .email = "posterunek.bw@wierzbnik-policja.example",
	  .status = "informal",
	  .role = "Dzielnicowi gminy; wizyty w rodzinach objętych procedurą "
		  "Niebieskiej Karty, reagowanie na sygnały sąsiadów.",
	  .resources = "Dwóch dzielnicowych, punkt przyjęć interesantów.",
	  .notes = "Dzielnicowi przyjmują interesantów w środy "
		   "14:00–16:00." },
	{ .key = "straz",
	  .name = "Straż Gminna w Brzozowej Woli",
	  .short_name = "Straż Gminna", .kind = "policja",
	  .sectors = "bezpieczenstwo",
	  .address = "ul. Główna 10, 97-410 Brzozowa Wola",
	  .phone = "44 000 10 75",
	  .email = "straz@brzozowa-wola.example",
	  .status = "declared", .declaration_date = "2025-02-03",
	  .role = "Patrole; zimą sprawdza miejsca, gdzie mogą nocować osoby w "
		  "kryzysie bezdomności; pomaga przy rozwożeniu paczek.",
	  .resources = "Trzech strażników, samochód terenowy.",
	  .notes = "Akcja „Zima” trwa od listopada do marca." },
	{ .key = "osp",
	  .name = "Ochotnicza Straż Pożarna w Zagórzu",
	  .short_name = "OSP Zagórze", .kind = "ngo",
	  .sectors = "bezpieczenstwo;ngo",
	  .address = "ul. Strażacka 2, 97-412 Zagórze",
	  .phone = "500 000 240",
	  .email = "osp-zagorze@brzozowa-wola.example",
	  .status = "informal",
	  .role = "Kursy pierwszej pomocy, młodzieżowa drużyna pożarnicza, "
		  "pomoc w logistyce festynów i zbiórek.",
	  .resources = "Remiza z salą na 80 osób, ratownicy z kursem KPP, "
		       "fantomy i AED szkoleniowe." },

	/* ochrona zdrowia */
	{ .key = "goz",
	  .name = "Samodzielny Publiczny Zakład Opieki Zdrowotnej – Gminny "
		  "Ośrodek Zdrowia w Brzozowej Woli",
	  .short_name = "SPZOZ Brzozowa Wola", .kind = "zoz",
	  .sectors = "zdrowie",
	  .address = "ul. Zdrowa 3, 97-410 Brzozowa Wola",
	  .phone = "44 000 10 50",
	  .email = "rejestracja@spzoz.brzozowa-wola.example",
	  .website = "https://spzoz.brzozowa-wola.example",
	  .status = "declared", .declaration_date = "2025-02-20",
	  .role = "Podstawowa opieka zdrowotna, pielęgniarka środowiskowa, "
		  "położna, rehabilitacja; zgłasza do GOPS osoby samotne i "
		  "niesamodzielne.",
	  .resources = "Lekarze POZ, dwie pielęgniarki środowiskowe, położna, "
		       "fizjoterapeuta, gabinet szczepień.",
	  .notes = "Rejestracja telefoniczna od 7:30." },
	{ .key = "medica",
	  .name = "Przychodnia Rodzinna „Medica” w Olszynce",
	  .short_name = "Przychodnia „Medica”", .kind = "zoz",
	  .sectors = "zdrowie;biznes",
	  .address = "ul. Leśna 7, 97-411 Olszynka",
	  .phone = "44 000 11 50",
	  .email = "rejestracja@medica-olszynka.example",
	  .website = "https://medica-olszynka.example",
	  .status = "invited",
	  .role = "Niepubliczna przychodnia POZ; gabinet psychologa "
		  "dziecięcego.",
	  .resources = "Gabinet do wynajęcia na dyżury specjalistów, psycholog "
		       "dziecięcy dwa dni w tygodniu.",
	  .notes = "Właścicielka zainteresowana — prosi o regulamin "
		   "partnerstwa." },
	{ .key = "plu",
	  .name = "Poradnia Leczenia Uzależnień i Współuzależnienia w "
		  "Wierzbniku",
	  .short_name = "PLU Wierzbnik", .kind = "zoz",
	  .sectors = "zdrowie",
	  .address = "ul. Szpitalna 4, 97-400 Wierzbnik",
	  .phone = "44 000 22 30",
	  .email = "plu@szpital-wierzbnik.example",
	  .website = "https://szpital-wierzbnik.example/plu",
	  .status = "declared", .declaration_date = "2025-03-25",
	  .role = "Diagnoza i terapia uzależnień oraz współuzależnienia, "
		  "terapia DDA, konsultacje dla rodzin.",
	  .resources = "Specjaliści psychoterapii uzależnień; dyżur w "
		       "Brzozowej Woli co drugi piątek.",
	  .notes = "Do poradni nie potrzeba skierowania (NFZ)." },
	{ .key = "przystan",
	  .name = "Ośrodek Środowiskowej Opieki Psychologicznej i "
		  "Psychoterapeutycznej dla Dzieci i Młodzieży „Przystań” w "
		  "Wierzbniku",
	  .short_name = "Ośrodek „Przystań”", .kind = "zoz",
	  .sectors = "zdrowie",
	  .address = "ul. Ogrodowa 16, 97-400 Wierzbnik",
	  .phone = "44 000 22 40",
	  .email = "rejestracja@przystan-wierzbnik.example",
	  .website = "https://przystan-wierzbnik.example",
	  .status = "declared", .declaration_date = "2025-04-14",
	  .role = "I poziom referencyjny opieki psychologicznej dla dzieci i "
		  "młodzieży: psycholog, psychoterapeuta, terapeuta "
		  "środowiskowy, bez skierowania.",
	  .resources = "Zespół sześciu osób, wizyty domowe terapeuty "
		       "środowiskowego, konsultacje dla szkół." },
	{ .key = "czp",
	  .name = "Centrum Zdrowia Psychicznego w Wierzbniku",
	  .short_name = "CZP Wierzbnik", .kind = "zoz",
	  .sectors = "zdrowie",
	  .address = "ul. Szpitalna 4, 97-400 Wierzbnik",
	  .phone = "44 000 22 50",
	  .email = "czp@szpital-wierzbnik.example",
	  .website = "https://szpital-wierzbnik.example/czp",
	  .status = "informal",
	  .role = "Punkt zgłoszeniowo-koordynacyjny dla dorosłych w kryzysie "
		  "psychicznym, poradnia, oddział dzienny, zespół leczenia "
		  "środowiskowego.",
	  .resources = "Punkt zgłoszeniowy czynny codziennie; zespół "
		       "środowiskowy dojeżdża do gminy." },
	{ .key = "gkrpa",
	  .name = "Gminna Komisja Rozwiązywania Problemów Alkoholowych w "
		  "Brzozowej Woli",
	  .short_name = "GKRPA", .kind = "jst",
	  .sectors = "zdrowie;bezpieczenstwo",
	  .address = "ul. Główna 10, 97-410 Brzozowa Wola (pokój 14)",
	  .phone = "44 000 10 05",
	  .email = "gkrpa@brzozowa-wola.example",
	  .status = "declared", .declaration_date = "2025-02-03",
	  .role = "Rozmowy motywujące z osobami nadużywającymi alkoholu, "
		  "wnioski do sądu o zobowiązanie do leczenia, finansowanie "
		  "profilaktyki.",
	  .resources = "Środki gminnego programu profilaktyki, punkt "
		       "konsultacyjny." },
	{ .key = "spektrum",
	  .name = "Fundacja „Spektrum” – Centrum Diagnozy i Terapii Autyzmu w "
		  "Łodzi",
	  .short_name = "Fundacja „Spektrum” Łódź", .kind = "ngo",
	  .sectors = "ngo;zdrowie",
	  .address = "ul. Tkacka 5, 90-998 Łódź",
	  .phone = "42 000 30 20",
	  .email = "rejestracja@spektrum-lodz.example",
	  .website = "https://spektrum-lodz.example",
	  .status = "informal",
	  .role = "Diagnoza w kierunku spektrum autyzmu, terapia, grupy dla "
		  "rodziców; przyjmuje dzieci z całego województwa.",
	  .resources = "Konsultacje online dla specjalistów z gminy." },
	{ .key = "apteka",
	  .name = "Apteka „Pod Lipą”",
	  .short_name = "Apteka „Pod Lipą”", .kind = "firma",
	  .sectors = "biznes;zdrowie",
	  .address = "ul. Główna 20, 97-410 Brzozowa Wola",
	  .phone = "44 000 10 96",
	  .email = "podlipa@apteka-podlipa.example",
	  .status = "informal",
	  .role = "Przegląd leków dla seniorów, dowóz leków osobom samotnym "
		  "we współpracy z GOPS.",
	  .resources = "Farmaceutka, dowóz leków raz w tygodniu." },

	/* kultura */
	{ .key = "gok",
	  .name = "Gminny Ośrodek Kultury w Brzozowej Woli",
	  .short_name = "GOK Brzozowa Wola", .kind = "instytucja_kultury",
	  .sectors = "kultura",
	  .address = "ul. Parkowa 2, 97-410 Brzozowa Wola",
	  .phone = "44 000 10 60",
	  .email = "gok@brzozowa-wola.example",
	  .website = "https://gok.brzozowa-wola.example",
	  .status = "declared", .declaration_date = "2025-02-03",
	  .role = "Stałe zajęcia dla dzieci, młodzieży i dorosłych, "
		  "wydarzenia, ferie i wakacje; prowadzi świetlicę wiejską w "
		  "Dębowej Górze.",
	  .resources = "Sala widowiskowa (120 miejsc), pracownie plastyczna i "
		       "muzyczna, nagłośnienie, instruktorzy." },
	{ .key = "biblioteka",
	  .name = "Gminna Biblioteka Publiczna w Brzozowej Woli",
	  .short_name = "GBP Brzozowa Wola", .kind = "instytucja_kultury",
	  .sectors = "kultura;edukacja",
	  .address = "ul. Parkowa 2, 97-410 Brzozowa Wola",
	  .phone = "44 000 10 65",
	  .email = "biblioteka@brzozowa-wola.example",
	  .website = "https://biblioteka.brzozowa-wola.example",
	  .status = "declared", .declaration_date = "2025-02-20",
	  .role = "Wypożyczalnia z filią w Olszynce, książka na telefon dla "
		  "seniorów, kluby, komputery z internetem.",
	  .resources = "Trzy bibliotekarki, 6 stanowisk komputerowych, sala "
		       "na 30 osób, książki z dużą czcionką i audiobooki." },

	/* sport i rekreacja */
	{ .key = "lks",
	  .name = "Ludowy Klub Sportowy „Brzozowianka”",
	  .short_name = "LKS „Brzozowianka”", .kind = "ngo",
	  .sectors = "sport;ngo",
	  .address = "ul. Sportowa 1, 97-410 Brzozowa Wola",
	  .phone = "500 000 330",
	  .email = "lks.brzozowianka@brzozowa-wola.example",
	  .website = "https://lks-brzozowianka.example",
	  .status = "declared", .declaration_date = "2025-05-19",
	  .role = "Piłka nożna dzieci i młodzieży, boccia; zwalnia ze składek "
		  "dzieci wskazane przez GOPS.",
	  .resources = "Trenerzy z uprawnieniami, stadion gminny, sprzęt "
		       "sportowy." },
	{ .key = "uks",
	  .name = "Uczniowski Klub Sportowy „Orlik” w Olszynce",
	  .short_name = "UKS „Orlik”", .kind = "ngo",
	  .sectors = "sport",
	  .address = "ul. Szkolna 5, 97-411 Olszynka",
	  .phone = "500 000 331",
	  .email = "uks.orlik@olszynka.example",
	  .status = "informal",
	  .role = "Zajęcia ogólnorozwojowe, tenis stołowy i siatkówka przy SP "
		  "Olszynka.",
	  .resources = "Nauczyciel wychowania fizycznego, sala gimnastyczna "
		       "szkoły, stoły do tenisa." },
	{ .key = "gcsir",
	  .name = "Gminne Centrum Sportu i Rekreacji w Brzozowej Woli",
	  .short_name = "GCSiR", .kind = "jst",
	  .sectors = "sport",
	  .address = "ul. Sportowa 1, 97-410 Brzozowa Wola",
	  .phone = "44 000 10 80",
	  .email = "gcsir@brzozowa-wola.example",
	  .status = "invited",
	  .role = "Zarządza stadionem, boiskiem „Orlik” i siłownią plenerową; "
		  "animator sportu na orliku.",
	  .resources = "Orlik, siłownia plenerowa, hala (wynajem), animator." },
	{ .key = "fitness",
	  .name = "Klub Fitness „Forma”",
	  .short_name = "Fitness „Forma”", .kind = "firma",
	  .sectors = "sport;biznes",
	  .address = "ul. Polna 11, 97-410 Brzozowa Wola",
	  .phone = "500 000 332",
	  .email = "kontakt@forma-bw.example",
	  .website = "https://forma-bw.example",
	  .status = "left",
	  .role = "Prowadził bezpłatne zajęcia dla seniorów i dla mam po "
		  "porodzie.",
	  .resources = "Sala ćwiczeń (do marca 2026 r.).",
	  .notes = "Wystąpił z partnerstwa w kwietniu 2026 r. po zmianie "
		   "właściciela. Nowego właściciela warto zaprosić ponownie." },

	/* organizacje pozarządowe */
	{ .key = "razem",
	  .name = "Fundacja „Razem w Olszynce”",
	  .short_name = "Fundacja „Razem”", .kind = "ngo",
	  .sectors = "ngo;pomoc_spoleczna",
	  .address = "ul. Leśna 2, 97-411 Olszynka",
	  .phone = "500 000 410",
	  .email = "fundacja@razem-olszynka.example",
	  .website = "https://razem-olszynka.example",
	  .status = "declared", .declaration_date = "2025-02-20",
	  .role = "Prowadzi świetlicę środowiskową w Olszynce, korepetycje "
		  "wolontariuszy, Klub Rodzica; koordynuje wolontariat.",
	  .resources = "Koordynatorka wolontariatu, ok. 15 wolontariuszy, "
		       "lokal po dawnym sklepie, granty z programów "
		       "gminnych." },
	{ .key = "krok",
	  .name = "Stowarzyszenie na rzecz Osób z Niepełnosprawnościami "
		  "„Krok Dalej”",
	  .short_name = "Stowarzyszenie „Krok Dalej”", .kind = "ngo",
	  .sectors = "ngo;zdrowie",
	  .address = "ul. Lipowa 3, 97-412 Zagórze",
	  .phone = "500 000 420",
	  .email = "biuro@krokdalej.example",
	  .website = "https://krokdalej.example",
	  .status = "declared", .declaration_date = "2025-03-12",
	  .role = "Wypożyczalnia sprzętu rehabilitacyjnego, asystencja "
		  "osobista, przewóz osób na wózkach; wspiera grupę rodziców.",
	  .resources = "Magazyn sprzętu (ok. 60 sztuk), asystenci osobiści, "
		       "bus przystosowany do przewozu wózków." },
	{ .key = "utw",
	  .name = "Stowarzyszenie „Uniwersytet Trzeciego Wieku w Brzozowej "
		  "Woli”",
	  .short_name = "UTW Brzozowa Wola", .kind = "ngo",
	  .sectors = "ngo;kultura",
	  .address = "ul. Parkowa 2, 97-410 Brzozowa Wola",
	  .phone = "500 000 430",
	  .email = "utw@brzozowa-wola.example",
	  .status = "informal",
	  .role = "Wykłady, warsztaty, wycieczki i wolontariat seniorów; "
		  "zajęcia odbywają się w GOK.",
	  .resources = "120 słuchaczy, seniorzy-wolontariusze (czytanie w "
		       "przedszkolu, odwiedziny)." },
	{ .key = "bank",
	  .name = "Bank Żywności Ziemi Wierzbnickiej",
	  .short_name = "Bank Żywności", .kind = "ngo",
	  .sectors = "ngo;pomoc_spoleczna",
	  .address = "ul. Magazynowa 4, 97-400 Wierzbnik",
	  .phone = "44 000 23 10",
	  .email = "biuro@bankzywnosci-wierzbnik.example",
	  .website = "https://bankzywnosci-wierzbnik.example",
	  .status = "declared", .declaration_date = "2025-03-12",
	  .role = "Organizacja partnerska programu FEPŻ; dowozi żywność do "
		  "punktu wydawania w Brzozowej Woli i prowadzi działania "
		  "towarzyszące.",
	  .resources = "Magazyn z chłodnią, transport do gminy raz w "
		       "miesiącu, warsztaty kulinarne i ekonomiczne." },
	{ .key = "dach",
	  .name = "Stowarzyszenie „Dach nad Głową”",
	  .short_name = "Stowarzyszenie „Dach nad Głową”", .kind = "ngo",
	  .sectors = "ngo;mieszkalnictwo",
	  .address = "ul. Fabryczna 12, 97-400 Wierzbnik",
	  .phone = "44 000 23 20",
	  .email = "biuro@dachnadglowa.example",
	  .website = "https://dachnadglowa.example",
	  .status = "informal",
	  .role = "Prowadzi noclegownię, schronisko dla mężczyzn i ogrzewalnię "
		  "w Wierzbniku; zimą streetworking.",
	  .resources = "Noclegownia (20 miejsc), schronisko (30 miejsc), "
		       "ogrzewalnia, łaźnia i pralnia.",
	  .notes = "Gmina ma z nimi porozumienie o umieszczaniu mieszkańców w "
		   "schronisku." },
	{ .key = "iskra",
	  .name = "Stowarzyszenie Młodzieżowe „Iskra”",
	  .short_name = "Stowarzyszenie „Iskra”", .kind = "ngo",
	  .sectors = "ngo;kultura",
	  .address = "ul. Parkowa 2, 97-410 Brzozowa Wola (GOK, pokój 5)",
	  .phone = "500 000 440",
	  .email = "iskra@brzozowa-wola.example",
	  .status = "declared", .declaration_date = "2025-05-19",
	  .role = "Młodzieżowy klub wolontariatu, korepetycje koleżeńskie, "
		  "zbiórki.",
	  .resources = "Ok. 30 młodych wolontariuszy, doświadczenie w "
		       "organizacji zbiórek i wydarzeń." },
	{ .key = "wspolny_dom",
	  .name = "Fundacja „Wspólny Dom” – Punkt Informacyjny dla "
		  "Cudzoziemców w Łodzi",
	  .short_name = "Fundacja „Wspólny Dom”", .kind = "ngo",
	  .sectors = "ngo",
	  .address = "ul. Tkacka 12, 90-998 Łódź",
	  .phone = "42 000 30 40",
	  .email = "info@wspolnydom.example",
	  .website = "https://wspolnydom.example",
	  .status = "informal",
	  .role = "Informacja i pomoc w sprawach pobytu, pracy i szkoły dla "
		  "cudzoziemców; spotkania integracyjne w gminie.",
	  .resources = "Doradczynie mówiące po ukraińsku, rosyjsku i "
		       "angielsku; konsultacje online." },

	/* biznes */
	{ .key = "piekarnia",
	  .name = "Piekarnia „Złoty Kłos” s.c.",
	  .short_name = "Piekarnia „Złoty Kłos”", .kind = "firma",
	  .sectors = "biznes",
	  .address = "ul. Główna 25, 97-410 Brzozowa Wola",
	  .phone = "44 000 10 90",
	  .email = "piekarnia@zlotyklos.example",
	  .website = "https://zlotyklos.example",
	  .status = "informal",
	  .role = "Lokalny przedsiębiorca: przekazuje niesprzedane pieczywo, "
		  "przyjmuje na praktyki i prace dorywcze.",
	  .resources = "Pieczywo (ok. 20 kg dziennie), dwa miejsca praktyk, "
		       "stoisko na festynie.",
	  .notes = "Pieczywo odbierają codziennie o 18:30 wolontariusze "
		   "Fundacji „Razem”." },
	{ .key = "trans",
	  .name = "Usługi Transportowe „Trans-Wola” Jan Sikora",
	  .short_name = "„Trans-Wola”", .kind = "firma",
	  .sectors = "biznes",
	  .address = "ul. Polna 20, 97-410 Brzozowa Wola",
	  .phone = "500 000 510",
	  .email = "biuro@trans-wola.example",
	  .status = "declared", .declaration_date = "2025-06-02",
	  .role = "Przewoźnik, który na zlecenie gminy dowozi osoby z "
		  "niepełnosprawnością i seniorów.",
	  .resources = "Dwa busy, w tym jeden z windą; kierowcy przeszkoleni "
		       "w pomocy osobom na wózkach." },
	{ .key = "bs",
	  .name = "Bank Spółdzielczy w Brzozowej Woli",
	  .short_name = "Bank Spółdzielczy", .kind = "firma",
	  .sectors = "biznes",
	  .address = "ul. Główna 18, 97-410 Brzozowa Wola",
	  .phone = "44 000 10 95",
	  .email = "bs@bsbrzozowawola.example",
	  .website = "https://bsbrzozowawola.example",
	  .status = "left",
	  .role = "Prowadził warsztaty edukacji finansowej dla seniorów i "
		  "młodzieży.",
	  .resources = "Sala na 20 osób (obecnie tylko odpłatnie).",
	  .notes = "Wystąpił z partnerstwa w 2025 r. po zmianie zarządu; "
		   "warsztaty zakończone." },

	/* kościoły i związki wyznaniowe */
	{ .key = "parafia_bw",
	  .name = "Parafia Rzymskokatolicka pw. św. Józefa w Brzozowej Woli – "
		  "Parafialny Zespół Caritas",
	  .short_name = "Caritas parafii św. Józefa", .kind = "parafia",
	  .sectors = "kosciol",
	  .address = "ul. Kościelna 1, 97-410 Brzozowa Wola",
	  .phone = "44 000 10 98",
	  .email = "caritas.bw@parafia-bw.example",
	  .website = "https://parafia-bw.example",
	  .status = "informal",
	  .role = "Zbiórki żywności i odzieży, paczki świąteczne, odwiedziny "
		  "chorych, wypoczynek letni dzieci.",
	  .resources = "Ok. 12 wolontariuszy Caritas, salka parafialna, "
		       "magazyn odzieży.",
	  .notes = "Ksiądz proboszcz popiera współpracę, deklaracji nie "
		   "podpisuje." },
	{ .key = "parafia_ol",
	  .name = "Parafia Rzymskokatolicka pw. Narodzenia NMP w Olszynce",
	  .short_name = "Parafia w Olszynce", .kind = "parafia",
	  .sectors = "kosciol;kultura",
	  .address = "ul. Kościelna 3, 97-411 Olszynka",
	  .phone = "44 000 11 98",
	  .email = "parafia@olszynka.example",
	  .status = "invited",
	  .role = "Udostępnia salkę grupie AA, prowadzi chór i grupę wsparcia "
		  "w żałobie.",
	  .resources = "Salka na 25 osób, plac przy kościele na festyny." },

	/* grupy nieformalne */
	{ .key = "kgw_zag",
	  .name = "Koło Gospodyń Wiejskich w Zagórzu",
	  .short_name = "KGW Zagórze", .kind = "grupa",
	  .sectors = "grupy_nieformalne;kultura",
	  .address = "świetlica wiejska, ul. Lipowa 10, 97-412 Zagórze",
	  .phone = "500 000 610",
	  .email = "kgw.zagorze@brzozowa-wola.example",
	  .status = "informal",
	  .role = "Warsztaty kulinarne i rękodzieła, spotkania sąsiedzkie, "
		  "odwiedziny i zakupy dla samotnych seniorów.",
	  .resources = "15 aktywnych członkiń, świetlica wiejska z kuchnią, "
		       "wypieki na wydarzenia." },
	{ .key = "kgw_ol",
	  .name = "Koło Gospodyń Wiejskich „Olszynianki”",
	  .short_name = "KGW „Olszynianki”", .kind = "grupa",
	  .sectors = "grupy_nieformalne",
	  .address = "ul. Leśna 2, 97-411 Olszynka",
	  .phone = "500 000 620",
	  .email = "olszynianki@olszynka.example",
	  .status = "declared", .declaration_date = "2025-06-02",
	  .role = "Wspólne gotowanie, kiermasze na rzecz potrzebujących, "
		  "lokalne tradycje.",
	  .resources = "Kuchnia i naczynia na 100 osób, 10 członkiń." },
	{ .key = "aa",
	  .name = "Wspólnota Anonimowych Alkoholików – grupa „Brzoza”",
	  .short_name = "Grupa AA „Brzoza”", .kind = "grupa",
	  .sectors = "grupy_nieformalne;zdrowie",
	  .address = "salka parafialna, ul. Kościelna 3, 97-411 Olszynka",
	  .phone = "500 000 630",
	  .email = "aa.brzoza@olszynka.example",
	  .status = "informal",
	  .role = "Mityngi AA. Zgodnie z tradycjami AA grupa nie przystępuje "
		  "formalnie do partnerstw, ale zgadza się na informację w "
		  "koszyku.",
	  .resources = "Raz w miesiącu mityng otwarty dla osób "
		       "zainteresowanych i specjalistów.",
	  .notes = "Kontakt tylko przez telefon grupy; nie wpisujemy nazwisk "
		   "członków." },
	{ .key = "alanon",
	  .name = "Grupa rodzinna Al-Anon „Nadzieja”",
	  .short_name = "Al-Anon „Nadzieja”", .kind = "grupa",
	  .sectors = "grupy_nieformalne;zdrowie",
	  .address = "salka parafialna, ul. Kościelna 1, 97-410 Brzozowa Wola",
	  .phone = "500 000 640",
	  .email = "alanon.nadzieja@brzozowa-wola.example",
	  .status = "informal",
	  .role = "Spotkania dla rodzin i przyjaciół osób pijących.",
	  .resources = "Literatura Al-Anon, spotkania co tydzień.",
	  .notes = "Jak w AA: kontakt przez telefon grupy, bez nazwisk." },
	{ .key = "rodzice",
	  .name = "Grupa wsparcia rodziców „Razem Raźniej”",
	  .short_name = "„Razem Raźniej”", .kind = "grupa",
	  .sectors = "grupy_nieformalne",
	  .address = "ul. Lipowa 3, 97-412 Zagórze (siedziba „Krok Dalej”)",
	  .phone = "500 000 650",
	  .email = "razemrazniej@krokdalej.example",
	  .status = "informal",
	  .role = "Rodzice dzieci z niepełnosprawnościami wspierają się "
		  "nawzajem: orzeczenia, turnusy, terapie, sprawy szkolne.",
	  .resources = "Doświadczenie rodziców, grupa na komunikatorze, "
		       "spotkania raz w miesiącu." },

	/* mieszkalnictwo */
	{ .key = "zgm",
	  .name = "Zakład Gospodarki Mieszkaniowej w Brzozowej Woli",
	  .short_name = "ZGM Brzozowa Wola", .kind = "jst",
	  .sectors = "mieszkalnictwo",
	  .address = "ul. Główna 10, 97-410 Brzozowa Wola",
	  .phone = "44 000 10 85",
	  .email = "zgm@brzozowa-wola.example",
	  .status = "declared", .declaration_date = "2025-02-20",
	  .role = "Zarządza zasobem gminnym (48 lokali): najem socjalny, "
		  "mieszkanie chronione treningowe, ugody w sprawie zadłużenia "
		  "czynszowego.",
	  .resources = "Lokale gminne, konserwator, mieszkanie treningowe "
		       "(2 miejsca) do dyspozycji GOPS." },
	{ .key = "sm",
	  .name = "Spółdzielnia Mieszkaniowa „Przyszłość” w Brzozowej Woli",
	  .short_name = "SM „Przyszłość”", .kind = "firma",
	  .sectors = "mieszkalnictwo;biznes",
	  .address = "ul. Osiedlowa 4, 97-410 Brzozowa Wola",
	  .phone = "44 000 10 86",
	  .email = "sm.przyszlosc@brzozowa-wola.example",
	  .status = "invited",
	  .role = "Administruje sześcioma blokami; sygnalizuje zadłużenia i "
		  "sytuacje osób samotnych, udostępnia świetlicę osiedlową.",
	  .resources = "Świetlica osiedlowa (30 miejsc), tablice ogłoszeń na "
		       "klatkach." },
};

/* --- contact persons ----------------------------------------------------- */

static const struct demo_contact demo_contacts[] = {
	{ "gops", "Anna Kowalska", "pracownik ds. sieci, koordynatorka "
	  "partnerstwa", "44 000 10 11",
	  "a.kowalska@gops.brzozowa-wola.example",
	  "pn–pt 7:30–15:30", "Prowadzi Lokalny Koszyk Usług; zmiany w "
	  "usługach zgłaszać do niej." },
	{ "gops", "Marta Nowak", "starszy pracownik socjalny (rejon Brzozowa "
	  "Wola i Zagórze)", "44 000 10 12",
	  "m.nowak@gops.brzozowa-wola.example",
	  "pn–pt 7:30–15:30, w terenie zwykle wt i czw", NULL },
	{ "gops", "Piotr Wiśniewski", "pracownik socjalny (rejon Olszynka i "
	  "Dębowa Góra)", "44 000 10 13",
	  "p.wisniewski@gops.brzozowa-wola.example",
	  "pn–pt 7:30–15:30, w terenie zwykle pn i śr", NULL },
	{ "gops", "Elżbieta Pawlak", "kierownik GOPS", "44 000 10 10",
	  "kierownik@gops.brzozowa-wola.example", "pn–pt 8:00–15:00",
	  "Decyzje o przydziale asystenta rodziny i usług opiekuńczych." },
	{ "gops", "Joanna Dudek", "asystent rodziny", "500 000 101",
	  "j.dudek@gops.brzozowa-wola.example",
	  "pn–pt, godziny pracy elastyczne; najlepiej SMS", NULL },
	{ "gops", "Beata Mazur", "pracownik socjalny, przewodnicząca Zespołu "
	  "Interdyscyplinarnego", "44 000 10 19",
	  "b.mazur@gops.brzozowa-wola.example", "pn–pt 7:30–15:30", NULL },

	{ "ug", "Tomasz Wróbel", "sekretarz gminy", "44 000 10 01",
	  "sekretarz@brzozowa-wola.example", "pn 8:00–17:00, wt–pt 7:30–15:30",
	  NULL },
	{ "ug", "Agnieszka Kubiak", "dodatki mieszkaniowe i energetyczne, "
	  "Karta Dużej Rodziny", "44 000 10 02",
	  "a.kubiak@brzozowa-wola.example",
	  "pn 8:00–17:00, wt–pt 7:30–15:30", NULL },

	{ "zi", "Beata Mazur", "przewodnicząca Zespołu Interdyscyplinarnego",
	  "44 000 10 19", "zi@gops.brzozowa-wola.example", "pn–pt 7:30–15:30",
	  NULL },

	{ "pcpr", "Katarzyna Zielińska", "specjalista pracy z rodziną",
	  "44 000 20 01", "k.zielinska@powiat-wierzbnicki.example",
	  "pn–pt 7:30–15:30", NULL },
	{ "pcpr", "Monika Wawrzyniak", "psycholog Ośrodka Interwencji "
	  "Kryzysowej", "44 000 20 05", "oik@powiat-wierzbnicki.example",
	  "pn–pt 8:00–18:00", NULL },
	{ "pcpr", "Krzysztof Sadowski", "dział rehabilitacji (PFRON)",
	  "44 000 20 07", "pfron@powiat-wierzbnicki.example",
	  "pn–pt 8:00–14:00", NULL },

	{ "sds", "Dorota Lis", "kierownik ŚDS", "44 000 11 30",
	  "d.lis@olszynka.example", "pn–pt 7:00–15:00", NULL },
	{ "senior", "Halina Czerwińska", "kierownik Dziennego Domu „Senior+”",
	  "44 000 12 40", "seniorplus@brzozowa-wola.example",
	  "pn–pt 8:00–16:00", NULL },
	{ "dps", "Grzegorz Baran", "dyrektor DPS", "44 000 13 50",
	  "dyrektor@dps-debowagora.example", "pn–pt 7:30–15:30", NULL },
	{ "dps", "Iwona Krawczyk",
	  "kierownik działu opiekuńczo-terapeutycznego",
	  "44 000 13 52", "i.krawczyk@dps-debowagora.example",
	  "pn–pt 7:00–15:00", "Pobyty dzienne i wytchnieniowe." },

	{ "sp_bw", "Paweł Kaczmarek", "dyrektor szkoły", "44 000 10 30",
	  "dyrektor@sp.brzozowa-wola.example", "pn–pt 7:30–15:30", NULL },
	{ "sp_bw", "Magdalena Sowa", "pedagog szkolny", "44 000 10 31",
	  "pedagog@sp.brzozowa-wola.example", "pn–pt 8:00–14:00, wt do 16:00",
	  NULL },
	{ "sp_bw", "Justyna Urban", "psycholog szkolny", "44 000 10 32",
	  "psycholog@sp.brzozowa-wola.example", "pn, śr, pt 8:00–14:00", NULL },
	{ "sp_ol", "Renata Górska", "pedagog szkolny", "44 000 11 21",
	  "pedagog@olszynka.example", "wt i czw 8:00–14:00", NULL },
	{ "przedszkole", "Ewa Pietrzak", "dyrektor przedszkola",
	  "44 000 10 40", "dyrektor@przedszkole.brzozowa-wola.example",
	  "pn–pt 8:00–15:00", NULL },
	{ "przedszkole", "Sylwia Michalak", "logopeda", "44 000 10 41",
	  "logopeda@przedszkole.brzozowa-wola.example", "wt i czw 8:00–13:00",
	  NULL },
	{ "zlobek", "Aleksandra Wojciechowska", "dyrektor żłobka",
	  "44 000 10 45", "dyrektor@zlobek.brzozowa-wola.example",
	  "pn–pt 7:00–15:00", NULL },
	{ "ppp", "Małgorzata Jabłońska", "dyrektor poradni", "44 000 20 30",
	  "dyrektor@ppp-wierzbnik.example", "pn–pt 8:00–16:00", NULL },
	{ "ppp", "Łukasz Borkowski", "psycholog, dyżury w gminie",
	  "44 000 20 33", "l.borkowski@ppp-wierzbnik.example",
	  "pn–czw 10:00–18:00", NULL },
	{ "zsp", "Robert Sikorski", "kierownik szkolenia praktycznego",
	  "44 000 20 41", "r.sikorski@zsp-wierzbnik.example",
	  "pn–pt 8:00–15:00", NULL },

	{ "pup", "Barbara Kozłowska", "kierownik Centrum Aktywizacji "
	  "Zawodowej", "44 000 20 51", "caz@pup-wierzbnik.example",
	  "pn–pt 8:00–15:00", NULL },
	{ "pup", "Michał Jankowski", "doradca klienta dla gminy Brzozowa Wola",
	  "44 000 20 52", "m.jankowski@pup-wierzbnik.example",
	  "pn–pt 8:00–15:00; wtorki 9:00–13:00 w UG Brzozowa Wola", NULL },
	{ "ss", "Mariusz Olszewski", "prezes spółdzielni", "500 000 151",
	  "prezes@brzozowy-zakatek.example", "pn–pt 7:00–15:00", NULL },
	{ "cis", "Jolanta Walczak", "kierownik CIS", "44 000 20 60",
	  "j.walczak@wierzbnik.example", "pn–pt 7:30–15:30", NULL },
	{ "ogrodnictwo", "Mirosław Kwiatkowski", "właściciel gospodarstwa",
	  "500 000 521", "praca@zielonezagorze.example",
	  "pn–sob 6:00–14:00; najlepiej dzwonić po 13:00", NULL },

	{ "sad", "Wioletta Szymańska", "kierownik sekretariatu Wydziału "
	  "Rodzinnego i Nieletnich", "44 000 21 01",
	  "rodzinny@sr-wierzbnik.example", "pn 8:00–18:00, wt–pt 8:00–15:30",
	  NULL },
	{ "zkss", "Teresa Majewska", "kierownik zespołu kuratorskiego",
	  "44 000 21 10", "kuratorzy@sr-wierzbnik.example", "pn–pt 8:00–15:00",
	  NULL },
	{ "zkss", "Adam Kamiński", "kurator zawodowy rejonu Brzozowa Wola",
	  "44 000 21 12", "a.kaminski@sr-wierzbnik.example",
	  "dyżur w GOPS: czwartki 9:00–12:00", NULL },
	{ "npp", "Karolina Zawadzka", "radca prawny, dyżury w Brzozowej Woli",
	  "44 000 21 20", "k.zawadzka@prawonacodzien.example",
	  "dyżury: pn 12:00–16:00, czw 8:00–12:00", NULL },
	{ "npp", "Bartosz Chmielewski", "doradca obywatelski i mediator",
	  "44 000 21 21", "b.chmielewski@prawonacodzien.example",
	  "śr 12:00–16:00", NULL },
	{ "parasol", "Natalia Stępień", "koordynatorka punktu lokalnego w "
	  "Wierzbniku", "500 000 310", "n.stepien@niebieskiparasol.example",
	  "wtorki 14:00–18:00 w Wierzbniku, pozostałe dni w Łodzi", NULL },

	{ "kpp", "Dariusz Kołodziej", "asp. szt., specjalista ds. profilaktyki "
	  "społecznej", "44 000 22 05",
	  "profilaktyka@wierzbnik-policja.example",
	  "pn–pt 7:30–15:30", NULL },
	{ "posterunek", "Marcin Zając", "st. sierż., dzielnicowy rejonu "
	  "Brzozowa Wola", "500 000 171",
	  "dzielnicowy1.bw@wierzbnik-policja.example",
	  "służba zmianowa; przyjęcia interesantów śr 14:00–16:00",
	  "Telefon służbowy dzielnicowego." },
	{ "posterunek", "Kamil Wysocki", "sierż., dzielnicowy rejonu Olszynka, "
	  "Zagórze i Dębowa Góra", "500 000 172",
	  "dzielnicowy2.bw@wierzbnik-policja.example",
	  "służba zmianowa; przyjęcia interesantów śr 14:00–16:00", NULL },
	{ "straz", "Zbigniew Adamczyk", "komendant Straży Gminnej",
	  "44 000 10 75", "straz@brzozowa-wola.example",
	  "pn–pt 7:00–19:00, sob 8:00–14:00", NULL },
	{ "osp", "Sebastian Kurek", "naczelnik OSP, ratownik KPP",
	  "500 000 241", "osp-zagorze@brzozowa-wola.example",
	  "po 16:00 i w weekendy", NULL },

	{ "goz", "Andrzej Wieczorek", "kierownik SPZOZ, lekarz rodzinny",
	  "44 000 10 50", "kierownik@spzoz.brzozowa-wola.example",
	  "pn–pt 8:00–15:00", NULL },
	{ "goz", "Izabela Nowicka", "pielęgniarka środowiskowa",
	  "44 000 10 52", "pielegniarki@spzoz.brzozowa-wola.example",
	  "pn–pt 8:00–10:00 (telefon), potem wizyty domowe", NULL },
	{ "medica", "Patrycja Wilk", "właścicielka, menedżerka przychodni",
	  "44 000 11 51", "p.wilk@medica-olszynka.example",
	  "pn–pt 9:00–17:00", NULL },
	{ "plu", "Jacek Bednarek", "kierownik poradni", "44 000 22 30",
	  "plu@szpital-wierzbnik.example", "pn–pt 8:00–15:00", NULL },
	{ "plu", "Anita Kalinowska", "specjalista psychoterapii uzależnień",
	  "44 000 22 31", "a.kalinowska@szpital-wierzbnik.example",
	  "pn–czw 12:00–20:00; co drugi pt w Brzozowej Woli", NULL },
	{ "przystan", "Paulina Szewczyk", "psycholog, koordynatorka ośrodka",
	  "44 000 22 40", "p.szewczyk@przystan-wierzbnik.example",
	  "pn–pt 8:00–18:00", NULL },
	{ "przystan", "Daniel Ostrowski", "terapeuta środowiskowy",
	  "500 000 222", "d.ostrowski@przystan-wierzbnik.example",
	  "pn–pt 10:00–18:00, w terenie", NULL },
	{ "czp", "Ryszard Malinowski", "koordynator punktu "
	  "zgłoszeniowo-koordynacyjnego", "44 000 22 50",
	  "czp@szpital-wierzbnik.example", "codziennie 8:00–18:00", NULL },
	{ "gkrpa", "Stanisław Głowacki", "przewodniczący GKRPA",
	  "44 000 10 05", "gkrpa@brzozowa-wola.example",
	  "wtorki 15:00–18:00 (dyżur komisji)", NULL },
	{ "spektrum", "Weronika Cieślak", "koordynatorka diagnoz",
	  "42 000 30 21", "w.cieslak@spektrum-lodz.example",
	  "pn–pt 9:00–16:00", NULL },
	{ "apteka", "Dominika Kaczor", "kierownik apteki, farmaceutka",
	  "44 000 10 96", "podlipa@apteka-podlipa.example",
	  "pn–pt 8:00–20:00, sob 8:00–14:00", NULL },

	{ "gok", "Kinga Ziółkowska", "dyrektor GOK", "44 000 10 60",
	  "dyrektor@gok.brzozowa-wola.example", "pn–pt 8:00–16:00", NULL },
	{ "gok", "Rafał Kowalczyk", "instruktor, świetlica wiejska w Dębowej "
	  "Górze", "500 000 361", "r.kowalczyk@gok.brzozowa-wola.example",
	  "pn–pt 13:00–20:00", NULL },
	{ "biblioteka", "Grażyna Szulc", "kierownik biblioteki",
	  "44 000 10 65", "biblioteka@brzozowa-wola.example",
	  "pn–pt 9:00–17:00, sob 9:00–13:00", NULL },
	{ "biblioteka", "Marzena Laskowska", "bibliotekarka, filia w Olszynce",
	  "44 000 11 66", "filia.olszynka@brzozowa-wola.example",
	  "wt–pt 11:00–18:00", NULL },

	{ "lks", "Wojciech Ciesielski", "trener grup młodzieżowych",
	  "500 000 335", "trener@lks-brzozowianka.example",
	  "pn–pt po 15:00", NULL },
	{ "uks", "Krzysztof Mróz", "nauczyciel wychowania fizycznego, prezes "
	  "UKS", "500 000 336", "uks.orlik@olszynka.example",
	  "pn–pt 14:00–18:00", NULL },
	{ "gcsir", "Arkadiusz Sobczak", "animator sportu na orliku",
	  "500 000 337", "animator@brzozowa-wola.example",
	  "pn–pt 15:00–21:00, sob 10:00–16:00 (od kwietnia do października)",
	  NULL },
	{ "fitness", "Oliwia Banaś", "była właścicielka klubu",
	  "500 000 338", "kontakt@forma-bw.example", NULL,
	  "Nie prowadzi już klubu; kontakt tylko w sprawach dawnych zajęć." },

	{ "razem", "Urszula Domańska", "prezeska fundacji", "500 000 411",
	  "u.domanska@razem-olszynka.example", "pn–pt 10:00–18:00", NULL },
	{ "razem", "Julia Marczak", "koordynatorka wolontariatu",
	  "500 000 412", "wolontariat@razem-olszynka.example",
	  "wt–pt 14:00–19:00", NULL },
	{ "razem", "Hubert Krajewski", "wychowawca świetlicy środowiskowej",
	  "500 000 413", "swietlica@razem-olszynka.example",
	  "pn–pt 13:00–19:00", NULL },
	{ "krok", "Elżbieta Rutkowska", "prezeska stowarzyszenia",
	  "500 000 421", "prezes@krokdalej.example", "pn–pt 9:00–15:00", NULL },
	{ "krok", "Maciej Przybylski", "wypożyczalnia sprzętu",
	  "500 000 422", "sprzet@krokdalej.example",
	  "wtorki 16–18, czwartki 10–12", NULL },
	{ "krok", "Agata Szczepańska", "koordynatorka asystencji osobistej",
	  "500 000 423", "asystencja@krokdalej.example", "pn–pt 8:00–16:00",
	  NULL },
	{ "utw", "Henryka Bielecka", "przewodnicząca UTW", "500 000 431",
	  "utw@brzozowa-wola.example", "wtorki 10:00–12:00 w GOK", NULL },
	{ "bank", "Damian Kurowski", "koordynator programu FEPŻ",
	  "44 000 23 11", "fepz@bankzywnosci-wierzbnik.example",
	  "pn–pt 8:00–16:00", NULL },
	{ "dach", "Leszek Makowski", "kierownik schroniska", "44 000 23 20",
	  "schronisko@dachnadglowa.example", "całą dobę (dyżurka)", NULL },
	{ "dach", "Artur Sobolewski", "streetworker", "500 000 232",
	  "streetworking@dachnadglowa.example",
	  "od listopada do marca, wieczorami", NULL },
	{ "iskra", "Zuzanna Leśniak", "koordynatorka klubu wolontariatu",
	  "500 000 441", "iskra@brzozowa-wola.example",
	  "pn–pt po 15:00", NULL },
	{ "wspolny_dom", "Olena Kovalenko", "doradczyni (ukraiński, "
	  "rosyjski, polski)", "42 000 30 41", "o.kovalenko@wspolnydom.example",
	  "pn–pt 9:00–17:00", NULL },
	{ "wspolny_dom", "Tomasz Fijałkowski", "koordynator spotkań "
	  "integracyjnych", "42 000 30 42", "t.fijalkowski@wspolnydom.example",
	  "wt–czw 10:00–16:00", NULL },

	{ "piekarnia", "Roman Kubacki", "współwłaściciel piekarni",
	  "44 000 10 90", "piekarnia@zlotyklos.example",
	  "pn–sob 5:00–13:00", NULL },
	{ "trans", "Jan Sikora", "właściciel", "500 000 511",
	  "biuro@trans-wola.example", "pn–pt 7:00–17:00", NULL },
	{ "bs", "Ilona Tomaszewska", "specjalista ds. klienta",
	  "44 000 10 95", "bs@bsbrzozowawola.example", "pn–pt 8:00–16:00",
	  NULL },

	{ "parafia_bw", "Tadeusz Wrona", "ks. proboszcz", "44 000 10 98",
	  "kancelaria@parafia-bw.example",
	  "kancelaria: wt i pt 16:00–17:30", NULL },
	{ "parafia_bw", "Bożena Kaczmarczyk", "przewodnicząca Parafialnego "
	  "Zespołu Caritas", "500 000 599", "caritas.bw@parafia-bw.example",
	  "pn–pt po 15:00", NULL },
	{ "parafia_ol", "Jerzy Pawłowski", "ks. proboszcz", "44 000 11 98",
	  "parafia@olszynka.example", "kancelaria: śr 16:00–17:30", NULL },

	{ "kgw_zag", "Krystyna Nowakowska", "przewodnicząca KGW",
	  "500 000 611", "kgw.zagorze@brzozowa-wola.example",
	  "najlepiej wieczorem", NULL },
	{ "kgw_ol", "Genowefa Piątek", "przewodnicząca KGW „Olszynianki”",
	  "500 000 621", "olszynianki@olszynka.example",
	  "pn–sob przed południem", NULL },
	{ "aa", "Andrzej (rzecznik grupy)", "rzecznik grupy AA „Brzoza”",
	  "500 000 630", "aa.brzoza@olszynka.example",
	  "codziennie 17:00–21:00",
	  "Tylko imię — zgodnie z zasadą anonimowości AA." },
	{ "alanon", "Maria (kontakt grupy)", "osoba kontaktowa grupy "
	  "Al-Anon", "500 000 640", "alanon.nadzieja@brzozowa-wola.example",
	  "pn–pt 17:00–20:00", "Tylko imię — grupa jest anonimowa." },
	{ "rodzice", "Edyta Grabowska", "liderka grupy, mama dziecka z "
	  "niepełnosprawnością",
	  "500 000 651", "razemrazniej@krokdalej.example",
	  "wieczorami po 19:00", NULL },

	{ "zgm", "Henryk Zalewski", "kierownik ZGM", "44 000 10 85",
	  "zgm@brzozowa-wola.example", "pn–pt 7:00–15:00", NULL },
	{ "zgm", "Wanda Jaworska", "najem lokali i zadłużenia czynszowe",
	  "44 000 10 87", "najem@brzozowa-wola.example",
	  "pn 8:00–17:00, wt–czw 7:00–15:00", NULL },
	{ "sm", "Ireneusz Kalisz", "prezes zarządu spółdzielni",
	  "44 000 10 86", "sm.przyszlosc@brzozowa-wola.example",
	  "pn 10:00–18:00, śr 8:00–14:00", NULL },
};

/* --- the basket ---------------------------------------------------------- */

static const struct demo_service demo_services[] = {
	/* opieka nad dziećmi */
	{ .provider = "zlobek", .title = "Żłobek Gminny „Pod Brzozą”",
	  .category = "opieka_nad_dziecmi", .sector = "edukacja",
	  .target_groups = "dzieci;rodzice",
	  .description = "Opieka, wychowanie i zajęcia rozwojowe dla dzieci "
		"od 20. tygodnia życia do 3 lat. Cztery grupy, posiłki "
		"przygotowywane na miejscu.",
	  .access = "Dzieci mieszkające w gminie Brzozowa Wola, których "
		"rodzice pracują, uczą się lub szukają pracy. Pierwszeństwo "
		"mają rodziny wielodzietne, dzieci z niepełnosprawnością i "
		"rodziny wskazane przez GOPS. Potrzebny wniosek i "
		"zaświadczenie o zatrudnieniu lub nauce; skierowanie nie jest "
		"wymagane.",
	  .how = "Wniosek w sekretariacie żłobka lub przez formularz na "
		"stronie. Rekrutacja główna w marcu, na wolne miejsca przez "
		"cały rok.",
	  .cost = "Pobyt pokrywa świadczenie „Aktywnie w żłobku”; "
		"wyżywienie 12 zł dziennie.",
	  .place = "ul. Kwiatowa 6, Brzozowa Wola",
	  .hours = "pn–pt 6:30–16:30",
	  .waiting = "32 miejsca; zwykle 3–5 dzieci na liście rezerwowej",
	  .area = GMINA, .contact = "Aleksandra Wojciechowska",
	  .verified = 41, .by = "akowalska" },
	{ .provider = "ug", .title = "Dzienny opiekun w Olszynce",
	  .category = "opieka_nad_dziecmi", .sector = "pomoc_spoleczna",
	  .target_groups = "dzieci;rodzice",
	  .description = "Opieka nad małą grupą dzieci (do 5) w wieku od "
		"roku do 3 lat w lokalu przy świetlicy w Olszynce. Dobre "
		"rozwiązanie dla rodziców z sołectw oddalonych od żłobka.",
	  .access = "Dzieci od 12. miesiąca do 3 lat z gminy Brzozowa Wola. "
		"Wniosek rodzica; skierowanie nie jest wymagane.",
	  .how = "Wniosek w Urzędzie Gminy (pokój 8) albo u opiekunki na "
		"miejscu.",
	  .cost = "Pobyt pokrywa świadczenie „Aktywnie w żłobku”; "
		"wyżywienie 10 zł dziennie.",
	  .place = "ul. Leśna 2, Olszynka",
	  .hours = "pn–pt 7:00–16:00",
	  .waiting = "5 miejsc; obecnie 1 wolne",
	  .area = "Olszynka i okoliczne sołectwa",
	  .contact_text = "dzienna opiekunka, tel. 500 000 160 (pn–pt "
		"7:00–16:00); wnioski: Agnieszka Kubiak, UG",
	  .verified = 220, .by = "pwisniewski" },
	{ .provider = "przedszkole",
	  .title = "Przedszkole Samorządowe „Słoneczko” – wychowanie "
		   "przedszkolne",
	  .category = "opieka_nad_dziecmi", .sector = "edukacja",
	  .target_groups = "dzieci;rodzice",
	  .description = "Pięć oddziałów dla dzieci od 3 do 6 lat, w tym "
		"oddział integracyjny. Zajęcia z logopedą i pedagogiem "
		"specjalnym na miejscu.",
	  .access = "Dzieci w wieku 3–6 lat zamieszkałe w gminie; dzieci "
		"6-letnie mają obowiązek rocznego przygotowania "
		"przedszkolnego. Wniosek rodzica; przy orzeczeniu o potrzebie "
		"kształcenia specjalnego — kopia orzeczenia.",
	  .how = "Rekrutacja elektroniczna w marcu; w ciągu roku — wniosek w "
		"sekretariacie przedszkola.",
	  .cost = "5 godzin dziennie bezpłatnie, każda dodatkowa godzina "
		"1,30 zł; wyżywienie 11 zł dziennie.",
	  .place = "ul. Kwiatowa 4, Brzozowa Wola",
	  .hours = "pn–pt 6:30–17:00",
	  .waiting = "zwykle wolne miejsca w grupie 3-latków od września",
	  .area = GMINA, .contact = "Ewa Pietrzak",
	  .verified = 95, .by = "akowalska" },
	{ .provider = "przedszkole", .title = "Punkt przedszkolny w Zagórzu",
	  .category = "opieka_nad_dziecmi", .sector = "edukacja",
	  .target_groups = "dzieci",
	  .description = "Jedna grupa mieszana dla 3–5-latków w budynku "
		"świetlicy wiejskiej. Dzieci z Zagórza nie muszą dojeżdżać do "
		"Brzozowej Woli.",
	  .access = "Dzieci w wieku 3–5 lat; pierwszeństwo dla dzieci z "
		"Zagórza i Dębowej Góry. Wniosek rodzica.",
	  .how = "Wniosek w przedszkolu „Słoneczko” lub u nauczycielki "
		"punktu.",
	  .cost = "bezpłatnie; obiad 9 zł",
	  .place = "świetlica wiejska, ul. Lipowa 10, Zagórze",
	  .hours = "pn–pt 7:30–12:30",
	  .waiting = "15 miejsc",
	  .area = "Zagórze, Dębowa Góra", .contact = "Ewa Pietrzak",
	  .verified = 300, .by = "mnowak" },
	{ .provider = "sp_bw", .title = "Świetlica szkolna w SP Brzozowa Wola",
	  .category = "opieka_nad_dziecmi", .sector = "edukacja",
	  .target_groups = "dzieci;rodzice",
	  .description = "Opieka przed lekcjami i po lekcjach, pomoc w "
		"odrabianiu lekcji, gry i zajęcia plastyczne. Uczniowie "
		"dojeżdżający czekają tu na autobus.",
	  .access = "Uczniowie szkoły, których rodzice pracują lub którzy "
		"dojeżdżają. Karta zgłoszenia podpisana przez rodzica.",
	  .how = "Karta zgłoszenia u wychowawcy świetlicy we wrześniu lub w "
		"ciągu roku.",
	  .cost = "bezpłatnie",
	  .place = "ul. Szkolna 1, Brzozowa Wola (parter, sala 4)",
	  .hours = "pn–pt 6:45–17:00 w dni nauki szkolnej",
	  .waiting = "bez kolejki",
	  .area = GMINA, .contact = "Magdalena Sowa",
	  .verified = 60, .by = "mnowak" },
	{ .provider = "razem",
	  .title = "Świetlica środowiskowa „Przystanek Olszynka”",
	  .category = "opieka_nad_dziecmi", .sector = "ngo",
	  .target_groups = "dzieci;mlodziez",
	  .description = "Placówka wsparcia dziennego: pomoc w nauce, "
		"podwieczorek, zajęcia wychowawcze i wyjścia. Wychowawca "
		"współpracuje ze szkołą i z pracownikiem socjalnym.",
	  .access = "Dzieci i młodzież w wieku 7–15 lat z Olszynki i okolic. "
		"Zgoda rodzica; dzieci z rodzin objętych wsparciem GOPS "
		"przyjmowane w pierwszej kolejności, skierowanie nie jest "
		"wymagane.",
	  .how = "Przyjść z rodzicem i wypełnić kartę uczestnika.",
	  .cost = "bezpłatnie",
	  .place = "ul. Leśna 2, Olszynka",
	  .hours = "pn–pt 13:00–19:00",
	  .waiting = "25 miejsc; obecnie 4 wolne",
	  .area = "Olszynka, Dębowa Góra", .contact = "Hubert Krajewski",
	  .verified = 12, .by = "pwisniewski" },
	{ .provider = "gok",
	  .title = "Świetlica wiejska w Dębowej Górze – popołudnia dla dzieci",
	  .kind = "activity",
	  .category = "opieka_nad_dziecmi", .sector = "kultura",
	  .target_groups = "dzieci;mlodziez",
	  .description = "Gry planszowe, zajęcia plastyczne, wspólne "
		"odrabianie lekcji i filmy. Instruktor GOK prowadzi też "
		"sobotnie wyjazdy na basen.",
	  .access = "Dzieci od 6 lat; młodsze z opiekunem. Bez zapisów.",
	  .how = "Przyjść w godzinach otwarcia.",
	  .cost = "bezpłatnie; wyjazd na basen 10 zł",
	  .place = "świetlica wiejska, ul. Dębowa 4, Dębowa Góra",
	  .hours = "pn–pt 14:00–19:00",
	  .area = "Dębowa Góra", .contact = "Rafał Kowalczyk",
	  .verified = 130, .by = "pwisniewski" },
	{ .provider = "sp_ol", .title = "Świetlica szkolna w SP Olszynka",
	  .category = "opieka_nad_dziecmi", .sector = "edukacja",
	  .target_groups = "dzieci",
	  .description = "Opieka po lekcjach dla uczniów klas 1–4 do "
		"przyjazdu rodziców lub autobusu.",
	  .access = "Uczniowie SP Olszynka; karta zgłoszenia od rodzica.",
	  .how = "Karta zgłoszenia w sekretariacie szkoły.",
	  .cost = "bezpłatnie",
	  .place = "ul. Szkolna 5, Olszynka",
	  .hours = "pn–pt 7:00–15:30",
	  .area = "Olszynka", .contact = "Renata Górska",
	  .verified = 400, .by = "pwisniewski" },
	{ .provider = "gok", .title = "Ferie zimowe w GOK – półkolonie",
	  .kind = "activity",
	  .category = "opieka_nad_dziecmi", .sector = "kultura",
	  .target_groups = "dzieci",
	  .description = "Dwa tygodnie zajęć w czasie ferii: warsztaty, "
		"wyjazd do kina w Wierzbniku, kulig, obiad. Opieka "
		"instruktorów i wolontariuszy „Iskry”.",
	  .access = "Dzieci w wieku 7–12 lat. Zapisy z kartą kwalifikacyjną "
		"uczestnika. Dzieci wskazane przez GOPS — bez opłaty.",
	  .how = "Zapisy w sekretariacie GOK od 1 grudnia, do wyczerpania "
		"miejsc.",
	  .cost = "150 zł za tydzień z obiadem; dla rodzin wskazanych przez "
		"GOPS bezpłatnie",
	  .place = "ul. Parkowa 2, Brzozowa Wola",
	  .hours = "pn–pt 8:00–15:00 w czasie ferii",
	  .waiting = "40 miejsc na turnus",
	  .area = GMINA, .contact = "Kinga Ziółkowska",
	  .season_from = "01-19", .season_to = "01-30",
	  .verified = 8, .by = "akowalska" },
	{ .provider = "parafia_bw",
	  .title = "Kolonie letnie Caritas nad morzem",
	  .kind = "activity",
	  .category = "opieka_nad_dziecmi", .sector = "kosciol",
	  .target_groups = "dzieci;rodziny",
	  .description = "Dziesięciodniowy wyjazd do ośrodka w Łebie dla "
		"dzieci z rodzin w trudnej sytuacji materialnej.",
	  .access = "Dzieci 8–13 lat; dochód w rodzinie do 1 500 zł na "
		"osobę. Opinia pracownika socjalnego lub pedagoga szkolnego.",
	  .how = "Zgłoszenie w kancelarii parafii do końca maja.",
	  .cost = "50 zł (resztę pokrywa Caritas)",
	  .place = "Łeba, ośrodek kolonijny; wyjazd sprzed kościoła",
	  .hours = "lipiec, 10 dni",
	  .waiting = "12 miejsc dla parafii",
	  .area = GMINA, .contact = "Bożena Kaczmarczyk",
	  .status = "archived", .season_from = "07-01",
	  .season_to = "07-10",
	  .verified = 150, .by = "mnowak" },

	/* wsparcie rodziny */
	{ .provider = "gops", .title = "Asystent rodziny",
	  .category = "wsparcie_rodziny", .sector = "pomoc_spoleczna",
	  .target_groups = "rodziny;rodzice",
	  .description = "Asystent pracuje z rodziną w jej domu: pomaga "
		"ułożyć dzień, sprawy szkolne, budżet, kontakty z urzędami i "
		"lekarzami. Wspólnie z rodziną pisze plan pracy i co pół roku "
		"go ocenia.",
	  .access = "Rodziny z dziećmi, które mają trudności w opiece i "
		"wychowaniu, także gdy sąd zobowiązał rodzinę do współpracy z "
		"asystentem. Potrzebna zgoda rodziny. Asystenta przydziela "
		"kierownik GOPS na wniosek pracownika socjalnego.",
	  .how = "Rozmowa z pracownikiem socjalnym rejonu; pracownik "
		"przeprowadza wywiad i składa wniosek.",
	  .cost = "bezpłatnie",
	  .place = "w domu rodziny; spotkania także w GOPS",
	  .hours = "elastycznie, także po 16:00 i w soboty — do ustalenia "
		"z rodziną",
	  .waiting = "2 asystentów, każdy do 15 rodzin; obecnie 2 wolne "
		"miejsca",
	  .area = GMINA, .contact = "Joanna Dudek",
	  .verified = 15, .by = "akowalska" },
	{ .provider = "gops",
	  .title = "Praca socjalna – rozmowa z pracownikiem socjalnym",
	  .category = "wsparcie_rodziny", .sector = "pomoc_spoleczna",
	  .target_groups = "wszyscy",
	  .description = "Pierwsza rozmowa o tym, co się dzieje i jaka pomoc "
		"jest możliwa: świadczenia, usługi, skierowania do partnerów. "
		"Pracownik socjalny może zostać case managerem rodziny.",
	  .access = "Każdy mieszkaniec gminy. Nie trzeba mieć żadnych "
		"dokumentów na pierwszą rozmowę.",
	  .how = "Przyjść do GOPS, zadzwonić albo poprosić o wizytę w domu.",
	  .cost = "bezpłatnie",
	  .place = "ul. Główna 12, Brzozowa Wola, pokoje 3–6",
	  .hours = "pn–pt 7:30–15:30; w poniedziałki do 17:00",
	  .waiting = "bez kolejki; wywiad w domu w ciągu 14 dni",
	  .area = GMINA, .contact = "Marta Nowak",
	  .verified = 3, .by = "akowalska" },
	{ .provider = "pcpr",
	  .title = "Specjalistyczne poradnictwo rodzinne w PCPR",
	  .category = "wsparcie_rodziny", .sector = "pomoc_spoleczna",
	  .target_groups = "rodziny;rodzice",
	  .description = "Konsultacje psychologa, pedagoga i prawnika dla "
		"rodzin w konflikcie, po rozstaniu, z trudnościami "
		"wychowawczymi.",
	  .access = "Mieszkańcy powiatu wierzbnickiego. Bez skierowania; "
		"warto mieć ze sobą dokumenty sprawy (np. postanowienie "
		"sądu).",
	  .how = "Zapis telefoniczny w PCPR.",
	  .cost = "bezpłatnie",
	  .place = "ul. Kościuszki 5, Wierzbnik, II piętro",
	  .hours = "pn 12:00–18:00, śr 8:00–14:00",
	  .waiting = "ok. 2 tygodnie",
	  .area = POWIAT, .contact = "Katarzyna Zielińska",
	  .verified = 172, .by = "akowalska" },
	{ .provider = "pcpr",
	  .title = "Szkolenie dla kandydatów na rodziny zastępcze",
	  .kind = "activity",
	  .category = "wsparcie_rodziny", .sector = "pomoc_spoleczna",
	  .target_groups = "rodziny",
	  .description = "Szkolenie przygotowujące do pełnienia funkcji "
		"rodziny zastępczej lub prowadzenia rodzinnego domu dziecka, "
		"zakończone kwalifikacją.",
	  .access = "Osoby, które chcą zostać rodziną zastępczą: pełnia "
		"władzy rodzicielskiej, niekaralność, stan zdrowia pozwalający "
		"na opiekę, stałe miejsce zamieszkania. Rozmowa kwalifikacyjna "
		"i wizyta w domu.",
	  .how = "Zgłoszenie do koordynatora pieczy zastępczej w PCPR.",
	  .cost = "bezpłatnie",
	  .place = "PCPR, ul. Kościuszki 5, Wierzbnik",
	  .hours = "soboty 9:00–15:00 (10 zjazdów)",
	  .waiting = "nabór dwa razy w roku",
	  .area = POWIAT, .contact = "Katarzyna Zielińska",
	  .verified = 410, .by = "mnowak" },
	{ .provider = "pcpr", .title = "Mediacje rodzinne w PCPR",
	  .category = "wsparcie_rodziny", .sector = "pomoc_spoleczna",
	  .target_groups = "rodziny;rodzice",
	  .description = "Spotkania z mediatorem, który pomaga rodzicom "
		"uzgodnić kontakty z dziećmi, alimenty i podział opieki po "
		"rozstaniu.",
	  .access = "Obie strony muszą się zgodzić na mediację. Nie "
		"prowadzi się mediacji, gdy w rodzinie trwa procedura "
		"Niebieskiej Karty.",
	  .how = "Zgłoszenie telefoniczne lub skierowanie z sądu.",
	  .cost = "bezpłatnie",
	  .place = "PCPR, ul. Kościuszki 5, Wierzbnik",
	  .hours = "wtorki 15:00–19:00",
	  .waiting = "3–4 tygodnie",
	  .area = POWIAT, .contact = "Katarzyna Zielińska",
	  .verified = 85, .by = "akowalska" },
	{ .provider = "razem", .title = "Klub Rodzica w Olszynce",
	  .kind = "activity",
	  .category = "wsparcie_rodziny", .sector = "ngo",
	  .target_groups = "rodzice",
	  .description = "Spotkania rodziców przy kawie z zaproszonym gościem "
		"(psycholog, logopeda, dzielnicowy). W tym czasie dziećmi "
		"zajmują się wolontariusze.",
	  .access = "Rodzice i opiekunowie dzieci; bez zapisów.",
	  .how = "Przyjść; o temacie informuje plakat i grupa na "
		"komunikatorze.",
	  .cost = "bezpłatnie",
	  .place = "świetlica „Przystanek Olszynka”, ul. Leśna 2, Olszynka",
	  .hours = "pierwsza środa miesiąca, 17:00–19:00",
	  .area = "Olszynka i okolice", .contact = "Urszula Domańska",
	  .verified = 33, .by = "pwisniewski" },
	{ .provider = "ppp",
	  .title = "Szkoła dla rodziców – warsztaty umiejętności wychowawczych",
	  .kind = "activity",
	  .category = "wsparcie_rodziny", .sector = "edukacja",
	  .target_groups = "rodzice",
	  .description = "Dziesięć spotkań w małej grupie: jak rozmawiać z "
		"dzieckiem, stawiać granice bez krzyku, radzić sobie z "
		"emocjami.",
	  .access = "Rodzice dzieci w wieku 3–12 lat. Zapisy; skierowanie "
		"nie jest potrzebne, ale pracownik socjalny lub pedagog może "
		"polecić udział.",
	  .how = "Zapis telefoniczny w poradni.",
	  .cost = "bezpłatnie",
	  .place = "SP Brzozowa Wola, biblioteka szkolna",
	  .hours = "czwartki 17:00–19:00",
	  .waiting = "12 miejsc w grupie",
	  .area = GMINA, .contact = "Łukasz Borkowski",
	  .valid_from = -30, .valid_to = 60,
	  .verified = 30, .by = "mnowak" },
	{ .provider = "zkss", .title = "Dyżur kuratora sądowego w GOPS",
	  .category = "wsparcie_rodziny", .sector = "wymiar_sprawiedliwosci",
	  .target_groups = "rodziny;rodzice",
	  .description = "Kurator zawodowy przyjmuje podopiecznych i "
		"odpowiada na pytania rodzin o nadzór kuratora, obowiązki "
		"nałożone przez sąd i dalsze kroki.",
	  .access = "Osoby objęte nadzorem kuratora i ich rodziny; inni "
		"mieszkańcy — w sprawach informacyjnych.",
	  .how = "Przyjść w czasie dyżuru lub umówić się telefonicznie.",
	  .cost = "bezpłatnie",
	  .place = "GOPS, ul. Główna 12, Brzozowa Wola, pokój 2",
	  .hours = "czwartki 9:00–12:00",
	  .area = GMINA, .contact = "Adam Kamiński",
	  .verified = 250, .by = "mnowak" },
	{ .provider = "ug", .title = "Karta Dużej Rodziny – wnioski",
	  .category = "wsparcie_rodziny", .sector = "pomoc_spoleczna",
	  .target_groups = "rodziny",
	  .description = "Przyjmowanie wniosków o Kartę Dużej Rodziny, która "
		"daje zniżki m.in. na przejazdy, w sklepach i instytucjach "
		"kultury.",
	  .access = "Rodziny z co najmniej trojgiem dzieci (dzieci do 18 lat, "
		"uczące się do 25 lat, z orzeczeniem bez limitu wieku), także "
		"rodzice, którzy kiedykolwiek wychowali troje dzieci. Dowody "
		"osobiste, akty urodzenia lub legitymacje szkolne dzieci.",
	  .how = "Wniosek w UG (pokój 8) albo przez internet.",
	  .cost = "bezpłatnie; duplikat karty 10,82 zł",
	  .place = "Urząd Gminy, ul. Główna 10, Brzozowa Wola, pokój 8",
	  .hours = "pn 8:00–17:00, wt–pt 7:30–15:30",
	  .waiting = "karta w ok. 3 tygodnie",
	  .area = GMINA, .contact = "Agnieszka Kubiak",
	  .verified = 500, .by = "akowalska" },

	/* zdrowie psychiczne */
	{ .provider = "przystan",
	  .title = "Pomoc psychologiczna dla dzieci i młodzieży",
	  .category = "zdrowie_psychiczne", .sector = "zdrowie",
	  .target_groups = "dzieci;mlodziez;rodzice",
	  .description = "Konsultacje psychologa, psychoterapia indywidualna "
		"i grupowa, wsparcie rodziców. Pierwsza rozmowa pomaga "
		"ustalić, czego dziecko potrzebuje.",
	  .access = "Dzieci i młodzież do 18 lat oraz uczniowie do końca "
		"szkoły ponadpodstawowej. Bez skierowania, w ramach NFZ. Na "
		"pierwszą wizytę dziecko przychodzi z rodzicem lub opiekunem "
		"prawnym.",
	  .how = "Zapis telefoniczny lub osobiście w rejestracji.",
	  .cost = "bezpłatnie (NFZ)",
	  .place = "ul. Ogrodowa 16, Wierzbnik; dyżur w SP Brzozowa Wola w "
		"środy",
	  .hours = "pn–pt 8:00–18:00",
	  .waiting = "pierwsza konsultacja do 2 tygodni; terapia grupowa "
		"ok. 2 miesiące",
	  .area = POWIAT, .contact = "Paulina Szewczyk",
	  .verified = 20, .by = "akowalska" },
	{ .provider = "przystan",
	  .title = "Terapia środowiskowa dzieci i młodzieży – wizyty w domu "
		   "i szkole",
	  .category = "zdrowie_psychiczne", .sector = "zdrowie",
	  .target_groups = "dzieci;mlodziez;rodziny",
	  .description = "Terapeuta środowiskowy spotyka się z dzieckiem tam, "
		"gdzie żyje: w domu, w szkole, na świetlicy. Pomaga rodzinie i "
		"nauczycielom rozumieć trudności dziecka.",
	  .access = "Dzieci i młodzież pod opieką ośrodka „Przystań”, gdy "
		"dojazd do ośrodka jest trudny albo potrzebna jest praca w "
		"środowisku. Kwalifikuje psycholog ośrodka.",
	  .how = "Najpierw konsultacja w ośrodku; pracownik socjalny może "
		"zadzwonić z rodziną.",
	  .cost = "bezpłatnie (NFZ)",
	  .place = "dom rodziny, szkoła",
	  .hours = "pn–pt 10:00–18:00",
	  .waiting = "ok. 4 tygodnie",
	  .area = POWIAT, .contact = "Daniel Ostrowski",
	  .verified = 75, .by = "pwisniewski" },
	{ .provider = "gops",
	  .title = "Pomoc psychologiczna dla dorosłych – dyżur psychologa w "
		   "Brzozowej Woli",
	  .category = "zdrowie_psychiczne", .sector = "pomoc_spoleczna",
	  .target_groups = "wszyscy",
	  .description = "Jednorazowe lub krótkie konsultacje psychologa dla "
		"dorosłych w trudnej sytuacji: żałoba, rozstanie, kryzys, "
		"przemoc, choroba bliskiej osoby.",
	  .access = "Dorośli mieszkańcy gminy. Bez skierowania; pierwszeństwo "
		"dla osób, z którymi pracuje pracownik socjalny.",
	  .how = "Zapis w sekretariacie GOPS (osobiście lub telefonicznie).",
	  .cost = "bezpłatnie (gminny program profilaktyki)",
	  .place = "GOPS, ul. Główna 12, Brzozowa Wola, pokój 7",
	  .hours = "wtorki 14:00–18:00",
	  .waiting = "do 2 tygodni",
	  .area = GMINA,
	  .contact_text = "psycholog Ewelina Bartczak (umowa zlecenie), "
		"zapisy w sekretariacie GOPS, tel. 44 000 10 10",
	  .verified = 45, .by = "akowalska" },
	{ .provider = "pcpr",
	  .title = "Pomoc psychologiczna w kryzysie – Ośrodek Interwencji "
		   "Kryzysowej",
	  .category = "zdrowie_psychiczne", .sector = "pomoc_spoleczna",
	  .target_groups = "wszyscy;doswiadczajacy_przemocy",
	  .description = "Natychmiastowe wsparcie psychologa i interwentów "
		"kryzysowych po nagłym zdarzeniu: śmierć bliskiej osoby, "
		"przemoc, wypadek, myśli samobójcze.",
	  .access = "Każda osoba w kryzysie z powiatu wierzbnickiego. Bez "
		"skierowania i bez dokumentów.",
	  .how = "Zadzwonić lub przyjść; w nocy dyżur telefoniczny.",
	  .cost = "bezpłatnie",
	  .place = "OIK przy PCPR, ul. Kościuszki 5, Wierzbnik",
	  .hours = "pn–pt 8:00–18:00; telefon całodobowo",
	  .waiting = "bez kolejki",
	  .area = POWIAT, .contact = "Monika Wawrzyniak",
	  .verified = 10, .by = "akowalska" },
	{ .provider = "ppp",
	  .title = "Pomoc psychologiczna dla uczniów i rodziców w poradni",
	  .category = "zdrowie_psychiczne", .sector = "edukacja",
	  .target_groups = "dzieci;mlodziez;rodzice",
	  .description = "Konsultacje i krótkoterminowa terapia w sprawach "
		"szkolnych: lęk przed szkołą, trudności w relacjach, "
		"samookaleczenia, kryzys po rozwodzie rodziców.",
	  .access = "Uczniowie szkół z powiatu i ich rodzice. Wniosek rodzica "
		"(pełnoletni uczeń składa sam); opinia szkoły pomaga, ale "
		"nie jest wymagana.",
	  .how = "Zapis telefoniczny; raz w miesiącu dyżur w SP Brzozowa "
		"Wola.",
	  .cost = "bezpłatnie",
	  .place = "ul. Ogrodowa 14, Wierzbnik",
	  .hours = "pn–czw 8:00–18:00, pt 8:00–15:00",
	  .waiting = "2–4 tygodnie",
	  .area = POWIAT, .contact = "Łukasz Borkowski",
	  .verified = 165, .by = "mnowak" },
	{ .provider = "czp",
	  .title = "Punkt zgłoszeniowo-koordynacyjny Centrum Zdrowia "
		   "Psychicznego",
	  .category = "zdrowie_psychiczne", .sector = "zdrowie",
	  .target_groups = "wszyscy;opiekunowie",
	  .description = "Pierwszy kontakt dla dorosłych w kryzysie "
		"psychicznym i ich bliskich. Specjalista rozmawia z osobą i w "
		"ciągu 72 godzin ustala dalszą pomoc: poradnię, oddział "
		"dzienny, zespół środowiskowy.",
	  .access = "Osoby od 18 lat z powiatu wierzbnickiego. Bez "
		"skierowania; może zadzwonić także rodzina lub pracownik "
		"socjalny.",
	  .how = "Zadzwonić lub przyjść bez zapisu.",
	  .cost = "bezpłatnie (NFZ)",
	  .place = "ul. Szpitalna 4, Wierzbnik, budynek C",
	  .hours = "codziennie 8:00–18:00",
	  .waiting = "konsultacja w ciągu 72 godzin",
	  .area = POWIAT, .contact = "Ryszard Malinowski",
	  .verified = 55, .by = "pwisniewski" },
	{ .provider = "czp",
	  .title = "Zespół leczenia środowiskowego dla dorosłych",
	  .category = "zdrowie_psychiczne", .sector = "zdrowie",
	  .target_groups = "wszyscy;opiekunowie",
	  .description = "Lekarz psychiatra, pielęgniarka i terapeuta "
		"odwiedzają osobę w domu, gdy nie jest w stanie dojeżdżać do "
		"poradni.",
	  .access = "Dorośli z zaburzeniami psychicznymi; kwalifikacja przez "
		"punkt zgłoszeniowo-koordynacyjny CZP.",
	  .how = "Przez punkt zgłoszeniowo-koordynacyjny.",
	  .cost = "bezpłatnie (NFZ)",
	  .place = "w domu pacjenta",
	  .hours = "pn–pt 8:00–16:00",
	  .waiting = "ok. 3 tygodnie",
	  .area = POWIAT, .contact = "Ryszard Malinowski",
	  .verified = 260, .by = "pwisniewski" },
	{ .provider = "gops",
	  .title = "Specjalistyczne usługi opiekuńcze dla osób z "
		   "zaburzeniami psychicznymi",
	  .category = "zdrowie_psychiczne", .sector = "pomoc_spoleczna",
	  .target_groups = "osoby_z_niepelnosprawnoscia;opiekunowie",
	  .description = "Trening umiejętności codziennych, pomoc w "
		"załatwianiu spraw, rehabilitacja w domu, wspieranie "
		"kontaktów z lekarzem. Usługi świadczą osoby z przygotowaniem "
		"zawodowym (np. terapeuta, pielęgniarka).",
	  .access = "Osoby z zaburzeniami psychicznymi, także dzieci z "
		"autyzmem. Zaświadczenie lekarza psychiatry o potrzebie usług; "
		"decyzja GOPS po wywiadzie.",
	  .how = "Wniosek w GOPS z zaświadczeniem lekarskim.",
	  .cost = "odpłatność zależna od dochodu; przy dochodzie do "
		"kryterium bezpłatnie",
	  .place = "w domu",
	  .hours = "wg decyzji, zwykle 2–4 godziny w tygodniu",
	  .waiting = "ok. miesiąca (szukamy terapeutów)",
	  .area = GMINA, .contact = "Elżbieta Pawlak",
	  .verified = 350, .by = "akowalska" },
	{ .provider = "medica",
	  .title = "Psycholog dziecięcy w przychodni „Medica”",
	  .category = "zdrowie_psychiczne", .sector = "zdrowie",
	  .target_groups = "dzieci;rodzice",
	  .description = "Konsultacje psychologiczne dla dzieci i rodziców "
		"na miejscu w Olszynce.",
	  .access = "Dzieci do 18 lat z rodzicem. Bez skierowania.",
	  .how = "Zapis telefoniczny w rejestracji przychodni.",
	  .cost = "120 zł za wizytę",
	  .place = "ul. Leśna 7, Olszynka",
	  .hours = "wtorki i czwartki 14:00–19:00",
	  .waiting = "—",
	  .area = GMINA, .contact = "Patrycja Wilk",
	  .status = "suspended",
	  .verified = 25, .by = "pwisniewski" },
	{ .provider = "parafia_ol",
	  .title = "Grupa wsparcia dla osób w żałobie",
	  .kind = "activity",
	  .category = "zdrowie_psychiczne", .sector = "kosciol",
	  .target_groups = "wszyscy;seniorzy",
	  .description = "Spotkania osób po stracie bliskiej osoby, "
		"prowadzone przez psycholożkę-wolontariuszkę. Można przyjść "
		"niezależnie od wyznania.",
	  .access = "Dorośli po stracie bliskiej osoby; bez zapisów.",
	  .how = "Przyjść na spotkanie; można wcześniej zadzwonić do "
		"kancelarii.",
	  .cost = "bezpłatnie",
	  .place = "salka parafialna, ul. Kościelna 3, Olszynka",
	  .hours = "drugi czwartek miesiąca, 18:00–19:30",
	  .area = GMINA, .contact = "Jerzy Pawłowski",
	  .verified = 380, .by = "pwisniewski" },

	/* uzależnienia */
	{ .provider = "plu",
	  .title = "Terapia uzależnienia od alkoholu – program ambulatoryjny",
	  .category = "uzaleznienia", .sector = "zdrowie",
	  .target_groups = "uzaleznieni",
	  .description = "Program podstawowy: terapia grupowa dwa razy w "
		"tygodniu i spotkania indywidualne, potem program pogłębiony. "
		"Trwa zwykle od roku do dwóch lat.",
	  .access = "Osoby od 18 lat uzależnione od alkoholu lub "
		"nadużywające go. Bez skierowania (NFZ); wystarczy dowód "
		"osobisty. Osoby zobowiązane przez sąd przynoszą "
		"postanowienie.",
	  .how = "Zapis telefoniczny lub osobiście; pierwsza wizyta to "
		"rozmowa diagnostyczna.",
	  .cost = "bezpłatnie (NFZ)",
	  .place = "ul. Szpitalna 4, Wierzbnik, budynek B",
	  .hours = "grupy: pn i śr 16:00–19:00; konsultacje pn–pt",
	  .waiting = "pierwsza wizyta do 2 tygodni",
	  .area = POWIAT, .contact = "Anita Kalinowska",
	  .verified = 35, .by = "akowalska" },
	{ .provider = "plu", .title = "Terapia dla osób współuzależnionych",
	  .category = "uzaleznienia", .sector = "zdrowie",
	  .target_groups = "uzaleznieni;rodziny",
	  .description = "Grupa i konsultacje dla bliskich osób pijących: jak "
		"zadbać o siebie i dzieci, jak przestać kontrolować picie "
		"partnera, co robić w sytuacji przemocy.",
	  .access = "Członkowie rodzin osób uzależnionych, od 18 lat. Bez "
		"skierowania.",
	  .how = "Zapis telefoniczny.",
	  .cost = "bezpłatnie (NFZ)",
	  .place = "ul. Szpitalna 4, Wierzbnik, budynek B",
	  .hours = "grupa: wtorki 17:00–19:00",
	  .waiting = "ok. 3 tygodnie",
	  .area = POWIAT, .contact = "Anita Kalinowska",
	  .verified = 178, .by = "mnowak" },
	{ .provider = "plu",
	  .title = "Terapia dla Dorosłych Dzieci Alkoholików (DDA)",
	  .category = "uzaleznienia", .sector = "zdrowie",
	  .target_groups = "uzaleznieni;mlodziez",
	  .description = "Grupa terapeutyczna dla dorosłych, którzy "
		"wychowywali się w rodzinie z problemem alkoholowym.",
	  .access = "Osoby od 18 lat; kwalifikacja na konsultacji "
		"indywidualnej. Bez skierowania.",
	  .how = "Zapis na konsultację kwalifikacyjną.",
	  .cost = "bezpłatnie (NFZ)",
	  .place = "ul. Szpitalna 4, Wierzbnik",
	  .hours = "czwartki 17:00–20:00",
	  .waiting = "ok. 2 miesiące (nabór do grupy)",
	  .area = POWIAT, .contact = "Jacek Bednarek",
	  .verified = 600, .by = "mnowak" },
	{ .provider = "plu",
	  .title = "Dyżur terapeuty uzależnień w Brzozowej Woli",
	  .category = "uzaleznienia", .sector = "zdrowie",
	  .target_groups = "uzaleznieni;rodziny",
	  .description = "Konsultacje na miejscu w gminie dla osób, które nie "
		"dojadą do Wierzbnika: rozmowa motywująca, plan leczenia, "
		"wsparcie dla rodziny.",
	  .access = "Osoby uzależnione i ich bliscy z gminy. Bez "
		"skierowania.",
	  .how = "Zapis przez GOPS lub bezpośrednio u terapeutki.",
	  .cost = "bezpłatnie",
	  .place = "GOPS, ul. Główna 12, Brzozowa Wola, pokój 7",
	  .hours = "co drugi piątek 12:00–16:00",
	  .waiting = "najbliższy wolny termin zwykle za 2 tygodnie",
	  .area = GMINA, .contact = "Anita Kalinowska",
	  .verified = 18, .by = "akowalska" },
	{ .provider = "gkrpa",
	  .title = "Punkt konsultacyjny GKRPA ds. uzależnień i przemocy",
	  .category = "uzaleznienia", .sector = "zdrowie",
	  .target_groups = "uzaleznieni;rodziny;doswiadczajacy_przemocy",
	  .description = "Rozmowa z członkiem komisji lub specjalistą: "
		"informacja, gdzie się leczyć, jak pomóc bliskiej osobie, co "
		"zrobić, gdy pijący stosuje przemoc.",
	  .access = "Każdy mieszkaniec gminy, anonimowo. Bez dokumentów.",
	  .how = "Przyjść w czasie dyżuru.",
	  .cost = "bezpłatnie",
	  .place = "Urząd Gminy, ul. Główna 10, Brzozowa Wola, pokój 14",
	  .hours = "wtorki 15:00–18:00",
	  .area = GMINA, .contact = "Stanisław Głowacki",
	  .verified = 120, .by = "akowalska" },
	{ .provider = "gkrpa",
	  .title = "Zobowiązanie do leczenia odwykowego – wniosek do GKRPA",
	  .category = "uzaleznienia", .sector = "zdrowie",
	  .target_groups = "uzaleznieni;rodziny",
	  .description = "Komisja wzywa osobę nadużywającą alkoholu na "
		"rozmowę, kieruje na badanie biegłych i w razie potrzeby "
		"składa wniosek do sądu o zobowiązanie do leczenia.",
	  .access = "Gdy picie powoduje rozkład życia rodzinnego, "
		"demoralizację małoletnich, uchylanie się od pracy albo "
		"zakłócanie spokoju. Wniosek może złożyć członek rodziny, "
		"sąsiad, policja, pracownik socjalny.",
	  .how = "Pisemny wniosek w sekretariacie UG lub na dyżurze komisji.",
	  .cost = "bezpłatnie dla wnioskodawcy",
	  .place = "Urząd Gminy, ul. Główna 10, Brzozowa Wola, pokój 14",
	  .hours = "wtorki 15:00–18:00",
	  .waiting = "wezwanie na rozmowę w ciągu miesiąca",
	  .area = GMINA, .contact = "Stanisław Głowacki",
	  .verified = 330, .by = "mnowak" },
	{ .provider = "aa", .title = "Grupa wsparcia AA „Brzoza” – mityngi",
	  .kind = "activity",
	  .category = "uzaleznienia", .sector = "grupy_nieformalne",
	  .target_groups = "uzaleznieni",
	  .description = "Mityngi Anonimowych Alkoholików. W ostatni piątek "
		"miesiąca mityng otwarty — mogą przyjść rodziny i "
		"specjaliści.",
	  .access = "Jedynym warunkiem jest chęć zaprzestania picia. "
		"Anonimowo, bez zapisów.",
	  .how = "Przyjść na mityng.",
	  .cost = "bezpłatnie (dobrowolna składka na herbatę)",
	  .place = "salka parafialna, ul. Kościelna 3, Olszynka",
	  .hours = "piątki 18:00–19:30",
	  .area = GMINA, .contact = "Andrzej (rzecznik grupy)",
	  .verified = 70, .by = "pwisniewski" },
	{ .provider = "alanon",
	  .title = "Grupa Al-Anon „Nadzieja” – spotkania dla rodzin osób "
		   "pijących",
	  .kind = "activity",
	  .category = "uzaleznienia", .sector = "grupy_nieformalne",
	  .target_groups = "uzaleznieni;rodziny",
	  .description = "Grupa samopomocowa dla rodzin i przyjaciół osób z "
		"problemem alkoholowym. Dzielenie się doświadczeniem, "
		"anonimowo.",
	  .access = "Bliscy osób pijących; bez zapisów.",
	  .how = "Przyjść na spotkanie.",
	  .cost = "bezpłatnie",
	  .place = "salka parafialna, ul. Kościelna 1, Brzozowa Wola",
	  .hours = "poniedziałki 18:00–19:30",
	  .area = GMINA, .contact = "Maria (kontakt grupy)",
	  .verified = 240, .by = "pwisniewski" },
	{ .provider = "kpp",
	  .title = "Profilaktyka uzależnień – spotkania z policjantem w "
		   "szkołach",
	  .kind = "activity",
	  .category = "uzaleznienia", .sector = "bezpieczenstwo",
	  .target_groups = "mlodziez;rodzice",
	  .description = "Lekcje o odpowiedzialności prawnej, dopalaczach, "
		"e-papierosach i bezpieczeństwie w sieci; wieczorem spotkanie "
		"dla rodziców.",
	  .access = "Szkoły z powiatu; zgłasza dyrektor lub pedagog.",
	  .how = "Zgłoszenie szkoły do specjalisty ds. profilaktyki KPP.",
	  .cost = "bezpłatnie",
	  .place = "w szkole",
	  .hours = "w roku szkolnym, termin do uzgodnienia",
	  .waiting = "ok. miesiąca",
	  .area = POWIAT, .contact = "Dariusz Kołodziej",
	  .verified = 160, .by = "mnowak" },
	{ .provider = "plu",
	  .title = "Wczesna interwencja dla młodzieży używającej substancji",
	  .category = "uzaleznienia", .sector = "zdrowie",
	  .target_groups = "mlodziez;rodzice",
	  .description = "Krótki program (kilka spotkań) dla nastolatków, "
		"którzy eksperymentują z alkoholem, marihuaną lub innymi "
		"substancjami, oraz konsultacje dla ich rodziców.",
	  .access = "Młodzież 14–21 lat; osoby niepełnoletnie z rodzicem. "
		"Bez skierowania; szkoła lub kurator może polecić udział.",
	  .how = "Zapis telefoniczny.",
	  .cost = "bezpłatnie (NFZ)",
	  .place = "ul. Szpitalna 4, Wierzbnik",
	  .hours = "pn–czw 14:00–19:00",
	  .waiting = "do 2 tygodni",
	  .area = POWIAT, .contact = "Anita Kalinowska",
	  .verified = NEVER, .by = NULL },

	/* przeciwdziałanie przemocy */
	{ .provider = "zi",
	  .title = "Niebieska Karta – procedura i Zespół Interdyscyplinarny",
	  .category = "przemoc", .sector = "pomoc_spoleczna",
	  .target_groups = "doswiadczajacy_przemocy;rodziny",
	  .description = "Gdy w rodzinie dochodzi do przemocy domowej, "
		"Zespół Interdyscyplinarny powołuje grupę "
		"diagnostyczno-pomocową: pracownik socjalny, dzielnicowy, "
		"pedagog, a w razie potrzeby kurator i lekarz. Grupa ustala z "
		"osobą doznającą przemocy plan pomocy.",
	  .access = "Osoby doznające przemocy domowej i świadkowie. "
		"Procedurę wszczyna pracownik socjalny, policjant, nauczyciel, "
		"pracownik ochrony zdrowia lub członek GKRPA, wypełniając "
		"formularz „Niebieska Karta – A”; zgoda osoby doznającej "
		"przemocy nie jest wymagana.",
	  .how = "Zgłoszenie w GOPS, na posterunku policji, w szkole lub "
		"przychodni. W sytuacji zagrożenia — 112.",
	  .cost = "bezpłatnie",
	  .place = "GOPS, ul. Główna 12, Brzozowa Wola",
	  .hours = "pn–pt 7:30–15:30; policja całą dobę",
	  .waiting = "grupa spotyka się w ciągu 7 dni od wszczęcia",
	  .area = GMINA, .contact = "Beata Mazur",
	  .verified = 28, .by = "akowalska" },
	{ .provider = "gops",
	  .title = "Punkt konsultacyjny dla osób doświadczających przemocy "
		   "domowej",
	  .category = "przemoc", .sector = "pomoc_spoleczna",
	  .target_groups = "doswiadczajacy_przemocy",
	  .description = "Rozmowa z pracownikiem socjalnym i psychologiem "
		"(dyżur psychologa GOPS), plan bezpieczeństwa, informacja o "
		"prawach i o tym, co się dzieje po wszczęciu Niebieskiej "
		"Karty.",
	  .access = "Osoby doznające przemocy i świadkowie; można przyjść "
		"anonimowo. Bez dokumentów.",
	  .how = "Przyjść w czasie dyżuru albo umówić się telefonicznie na "
		"inną godzinę.",
	  .cost = "bezpłatnie",
	  .place = "GOPS, ul. Główna 12, Brzozowa Wola, pokój 7 (wejście od "
		"podwórza)",
	  .hours = "wtorki 14:00–18:00",
	  .area = GMINA, .contact = "Beata Mazur",
	  .verified = 100, .by = "akowalska" },
	{ .provider = "pcpr",
	  .title = "Hostel Ośrodka Interwencji Kryzysowej – schronienie dla "
		   "osób doznających przemocy",
	  .category = "przemoc", .sector = "pomoc_spoleczna",
	  .target_groups = "doswiadczajacy_przemocy;rodziny",
	  .description = "Całodobowe schronienie dla osoby doznającej "
		"przemocy razem z dziećmi, do 3 miesięcy. Na miejscu "
		"psycholog, prawnik i pomoc w załatwianiu spraw.",
	  .access = "Osoby doznające przemocy domowej z powiatu. Bez "
		"skierowania i bez opłat; w nagłej sytuacji przywozi policja.",
	  .how = "Telefon całodobowy OIK lub przez policję.",
	  .cost = "bezpłatnie",
	  .place = "adres udostępniany tylko osobom przyjmowanym",
	  .hours = "całą dobę",
	  .waiting = "6 miejsc; przy braku miejsc OIK szuka schronienia w "
		"innym powiecie",
	  .area = POWIAT, .contact = "Monika Wawrzyniak",
	  .verified = 48, .by = "akowalska" },
	{ .provider = "parasol",
	  .title = "Pomoc dla osób pokrzywdzonych przestępstwem – punkt "
		   "lokalny w Wierzbniku",
	  .category = "przemoc", .sector = "ngo",
	  .target_groups = "doswiadczajacy_przemocy;wszyscy",
	  .description = "Porada prawna, wsparcie psychologa, pomoc w "
		"napisaniu zawiadomienia lub pisma do sądu; w uzasadnionych "
		"sytuacjach pomoc materialna (żywność, leki, czynsz).",
	  .access = "Osoby pokrzywdzone przestępstwem, także przemocą "
		"domową, i ich bliscy oraz świadkowie. Bez skierowania; "
		"zawiadomienie na policję nie jest warunkiem.",
	  .how = "Telefon lub przyjście w czasie dyżuru.",
	  .cost = "bezpłatnie",
	  .place = "ul. Kościuszki 11, Wierzbnik (lokal Fundacji „Prawo na Co "
		"Dzień”)",
	  .hours = "wtorki 14:00–18:00",
	  .waiting = "do tygodnia",
	  .area = POWIAT, .contact = "Natalia Stępień",
	  .verified = 140, .by = "mnowak" },
	{ .provider = "parasol",
	  .title = "Pomoc psychologiczna dla osób pokrzywdzonych "
		   "przestępstwem w Łodzi",
	  .category = "przemoc", .sector = "ngo",
	  .target_groups = "doswiadczajacy_przemocy",
	  .description = "Terapia indywidualna i grupa wsparcia w ośrodku w "
		"Łodzi, także po przemocy seksualnej. Dla osób z gminy "
		"możliwe konsultacje online.",
	  .access = "Osoby pokrzywdzone przestępstwem z województwa "
		"łódzkiego. Bez skierowania.",
	  .how = "Zapis telefoniczny lub mailowy.",
	  .cost = "bezpłatnie",
	  .place = "ul. Jaśminowa 21, Łódź; online",
	  .hours = "pn–pt 9:00–20:00",
	  .waiting = "2–3 tygodnie",
	  .area = WOJ, .contact = "Natalia Stępień",
	  .verified = 280, .by = "mnowak" },
	{ .provider = "posterunek",
	  .title = "Dzielnicowy – wizyty w rodzinach objętych Niebieską Kartą",
	  .category = "przemoc", .sector = "bezpieczenstwo",
	  .target_groups = "doswiadczajacy_przemocy;rodziny",
	  .description = "Dzielnicowy odwiedza rodzinę, rozmawia z osobą "
		"stosującą przemoc o konsekwencjach i reaguje na każde "
		"naruszenie. Może wydać nakaz opuszczenia mieszkania.",
	  .access = "Rodziny objęte procedurą Niebieskiej Karty; każdy może "
		"zgłosić dzielnicowemu niepokojącą sytuację.",
	  .how = "Telefon do dzielnicowego lub przyjście na posterunek; w "
		"nagłej sytuacji 112.",
	  .cost = "bezpłatnie",
	  .place = "ul. Główna 14, Brzozowa Wola",
	  .hours = "przyjęcia interesantów: środy 14:00–16:00",
	  .area = GMINA, .contact = "Marcin Zając",
	  .verified = 90, .by = "akowalska" },
	{ .provider = "pcpr",
	  .title = "Program korekcyjno-edukacyjny dla osób stosujących "
		   "przemoc domową",
	  .category = "przemoc", .sector = "pomoc_spoleczna",
	  .target_groups = "rodziny",
	  .description = "Zajęcia grupowe (ok. 60 godzin) uczące, jak "
		"kontrolować złość i rozwiązywać konflikty bez przemocy.",
	  .access = "Osoby stosujące przemoc domową: dobrowolnie, na "
		"wniosek zespołu interdyscyplinarnego albo z zobowiązania "
		"sądu lub kuratora. Rozmowa kwalifikacyjna.",
	  .how = "Zgłoszenie do PCPR; skierowanie od grupy "
		"diagnostyczno-pomocowej przyspiesza kwalifikację.",
	  .cost = "bezpłatnie",
	  .place = "PCPR, ul. Kościuszki 5, Wierzbnik",
	  .hours = "środy 16:00–19:00",
	  .waiting = "nabór wiosną i jesienią",
	  .area = POWIAT, .contact = "Monika Wawrzyniak",
	  .valid_from = -50, .valid_to = 40,
	  .verified = 52, .by = "mnowak" },
	{ .provider = "gops",
	  .title = "Grupa wsparcia dla kobiet doświadczających przemocy",
	  .kind = "activity",
	  .category = "przemoc", .sector = "pomoc_spoleczna",
	  .target_groups = "doswiadczajacy_przemocy",
	  .description = "Zamknięta grupa wsparcia prowadzona przez "
		"psycholożkę. Zawieszona do czasu znalezienia nowej osoby "
		"prowadzącej; w tym czasie zapraszamy do punktu "
		"konsultacyjnego.",
	  .access = "Kobiety doznające przemocy lub po wyjściu z przemocy; "
		"rozmowa wstępna.",
	  .how = "Zgłoszenie w punkcie konsultacyjnym GOPS.",
	  .cost = "bezpłatnie",
	  .place = "GOPS, ul. Główna 12, Brzozowa Wola",
	  .hours = "—",
	  .area = GMINA, .contact = "Beata Mazur",
	  .status = "suspended",
	  .verified = 65, .by = "akowalska" },
	{ .provider = "sp_bw",
	  .title = "Zajęcia o przemocy rówieśniczej i bezpieczeństwie w sieci",
	  .kind = "activity",
	  .category = "przemoc", .sector = "edukacja",
	  .target_groups = "dzieci;mlodziez",
	  .description = "Cykl zajęć dla klas 4–8 prowadzony przez "
		"psycholożkę szkolną: jak reagować na przemoc, hejt i "
		"wykluczanie, do kogo się zwrócić.",
	  .access = "Uczniowie SP Brzozowa Wola; inne szkoły z gminy na "
		"zaproszenie.",
	  .how = "Zgłasza wychowawca klasy.",
	  .cost = "bezpłatnie",
	  .place = "ul. Szkolna 1, Brzozowa Wola",
	  .hours = "w czasie godzin wychowawczych",
	  .area = GMINA, .contact = "Justyna Urban",
	  .verified = 420, .by = "mnowak" },

	/* praca i aktywizacja zawodowa */
	{ .provider = "pup",
	  .title = "Rejestracja w PUP jako osoba bezrobotna lub poszukująca "
		   "pracy",
	  .category = "praca", .sector = "rynek_pracy",
	  .target_groups = "bezrobotni",
	  .description = "Rejestracja daje ubezpieczenie zdrowotne, dostęp do "
		"ofert, staży, szkoleń i doradcy klienta; przy spełnieniu "
		"warunków — zasiłek dla bezrobotnych.",
	  .access = "Osoby bez pracy, zdolne i gotowe do jej podjęcia, "
		"mieszkające w powiecie. Dowód osobisty, świadectwa pracy, "
		"dyplomy; rejestracja możliwa przez internet (praca.gov.pl).",
	  .how = "Przez internet albo osobiście w PUP lub w punkcie "
		"zamiejscowym w UG (wtorki).",
	  .cost = "bezpłatnie",
	  .place = "ul. Kościuszki 7, Wierzbnik; punkt w UG Brzozowa Wola",
	  .hours = "pn–pt 8:00–15:00",
	  .waiting = "bez kolejki",
	  .area = POWIAT, .contact = "Michał Jankowski",
	  .verified = 22, .by = "akowalska" },
	{ .provider = "pup", .title = "Staże dla osób bezrobotnych (PUP)",
	  .category = "praca", .sector = "rynek_pracy",
	  .target_groups = "bezrobotni;mlodziez",
	  .description = "Praca u pracodawcy przez 3–6 miesięcy ze "
		"stypendium stażowym wypłacanym przez PUP. Często kończy się "
		"zatrudnieniem.",
	  .access = "Osoby zarejestrowane w PUP jako bezrobotne, po "
		"ustaleniu z doradcą klienta. Pracodawcę można znaleźć "
		"samemu — PUP podpisuje z nim umowę.",
	  .how = "Rozmowa z doradcą klienta; wniosek pracodawcy o "
		"zorganizowanie stażu.",
	  .cost = "bezpłatnie; stypendium dla stażysty",
	  .place = "u pracodawcy",
	  .hours = "pełny etat, do 8 godzin dziennie",
	  .waiting = "zależnie od środków Funduszu Pracy — nabory od "
		"stycznia",
	  .area = POWIAT, .contact = "Michał Jankowski",
	  .verified = 80, .by = "akowalska" },
	{ .provider = "pup",
	  .title = "Szkolenia zawodowe i bony szkoleniowe z PUP",
	  .category = "praca", .sector = "rynek_pracy",
	  .target_groups = "bezrobotni",
	  .description = "Szkolenia grupowe (np. magazynier, opiekun osoby "
		"starszej, spawacz) i indywidualne — na kurs wskazany przez "
		"osobę, gdy ma obietnicę zatrudnienia.",
	  .access = "Osoby zarejestrowane w PUP; uzgodnienie z doradcą "
		"klienta.",
	  .how = "Wniosek o skierowanie na szkolenie u doradcy klienta.",
	  .cost = "bezpłatnie; dodatek szkoleniowy i zwrot dojazdu",
	  .place = "różne ośrodki szkoleniowe w Wierzbniku i Łodzi",
	  .hours = "wg harmonogramu szkolenia",
	  .waiting = "wg naborów",
	  .area = POWIAT, .contact = "Barbara Kozłowska",
	  .verified = 230, .by = "pwisniewski" },
	{ .provider = "pup",
	  .title = "Kurs zawodowy: operator wózków jezdniowych z egzaminem UDT",
	  .kind = "activity",
	  .category = "praca", .sector = "rynek_pracy",
	  .target_groups = "bezrobotni",
	  .description = "Szkolenie grupowe z egzaminem państwowym; "
		"uprawnienia poszukiwane przez magazyny przy trasie S8.",
	  .access = "Osoby bezrobotne z PUP, od 18 lat, z wykształceniem co "
		"najmniej podstawowym; zaświadczenie lekarskie (badania "
		"kieruje PUP).",
	  .how = "Zapisy u doradcy klienta do wyczerpania miejsc.",
	  .cost = "bezpłatnie",
	  .place = "ośrodek szkoleniowy, ul. Fabryczna 8, Wierzbnik",
	  .hours = "pn–pt 8:00–14:00 przez 3 tygodnie",
	  .waiting = "12 miejsc",
	  .area = POWIAT, .contact = "Michał Jankowski",
	  .valid_from = 20, .valid_to = 45,
	  .verified = 6, .by = "akowalska" },
	{ .provider = "pup",
	  .title = "Dotacja na rozpoczęcie działalności gospodarczej",
	  .category = "praca", .sector = "rynek_pracy",
	  .target_groups = "bezrobotni",
	  .description = "Jednorazowe środki na założenie firmy, do "
		"sześciokrotności przeciętnego wynagrodzenia; przez rok "
		"trzeba prowadzić działalność.",
	  .access = "Osoby bezrobotne zarejestrowane w PUP, które w ostatnim "
		"roku nie prowadziły firmy. Biznesplan, zabezpieczenie zwrotu "
		"(np. poręczenie).",
	  .how = "Wniosek w naborze ogłaszanym na stronie PUP; rozmowa "
		"oceniająca biznesplan.",
	  .cost = "bezpłatnie",
	  .place = "PUP, ul. Kościuszki 7, Wierzbnik",
	  .hours = "pn–pt 8:00–15:00",
	  .waiting = "nabór zwykle w lutym–marcu",
	  .area = POWIAT, .contact = "Barbara Kozłowska",
	  .verified = 365, .by = "pwisniewski" },
	{ .provider = "pup", .title = "Klub Pracy i doradztwo zawodowe",
	  .category = "praca", .sector = "rynek_pracy",
	  .target_groups = "bezrobotni;mlodziez",
	  .description = "Zajęcia w grupie: CV, rozmowa kwalifikacyjna, "
		"szukanie ofert w internecie. Indywidualne rozmowy z doradcą "
		"zawodowym i testy predyspozycji.",
	  .access = "Osoby bezrobotne i poszukujące pracy; zajęcia otwarte "
		"także dla uczniów ostatnich klas.",
	  .how = "Zapis u doradcy klienta lub telefonicznie.",
	  .cost = "bezpłatnie",
	  .place = "PUP, ul. Kościuszki 7, Wierzbnik, sala 12",
	  .hours = "pn–czw 9:00–13:00",
	  .waiting = "do tygodnia",
	  .area = POWIAT, .contact = "Barbara Kozłowska",
	  .verified = 170, .by = "pwisniewski" },
	{ .provider = "pup",
	  .title = "Dyżur doradcy klienta PUP w Urzędzie Gminy",
	  .category = "praca", .sector = "rynek_pracy",
	  .target_groups = "bezrobotni",
	  .description = "Doradca przyjmuje na miejscu w gminie: rejestracja, "
		"potwierdzanie gotowości do pracy, oferty, skierowania na "
		"staże.",
	  .access = "Mieszkańcy gminy zarejestrowani w PUP lub chcący się "
		"zarejestrować. Dowód osobisty.",
	  .how = "Przyjść w czasie dyżuru; można wcześniej zadzwonić.",
	  .cost = "bezpłatnie",
	  .place = "Urząd Gminy, ul. Główna 10, Brzozowa Wola, sala "
		"konferencyjna",
	  .hours = "wtorki 9:00–13:00",
	  .area = GMINA, .contact = "Michał Jankowski",
	  .verified = 14, .by = "mnowak" },
	{ .provider = "gops",
	  .title = "Klub Integracji Społecznej (KIS) w Brzozowej Woli",
	  .category = "praca", .sector = "pomoc_spoleczna",
	  .target_groups = "bezrobotni;uzaleznieni",
	  .description = "Warsztaty umiejętności, trening pracy w "
		"spółdzielni socjalnej, grupa wsparcia i doradca zawodowy. "
		"Dla osób, którym trudno wrócić do pracy po długiej "
		"przerwie.",
	  .access = "Osoby długotrwale bezrobotne, po terapii uzależnień, "
		"po wyjściu z zakładu karnego, korzystające z pomocy "
		"społecznej. Kontrakt socjalny z pracownikiem socjalnym; "
		"skierowanie z GOPS.",
	  .how = "Rozmowa z pracownikiem socjalnym, który przygotowuje "
		"skierowanie.",
	  .cost = "bezpłatnie",
	  .place = "GOPS, ul. Główna 12, Brzozowa Wola (sala na parterze)",
	  .hours = "pn, śr, pt 9:00–13:00",
	  .waiting = "15 miejsc; nabór ciągły",
	  .area = GMINA, .contact = "Marta Nowak",
	  .verified = 40, .by = "akowalska" },
	{ .provider = "gops", .title = "Prace społecznie użyteczne",
	  .category = "praca", .sector = "pomoc_spoleczna",
	  .target_groups = "bezrobotni",
	  .description = "Do 10 godzin pracy w tygodniu w instytucjach gminy "
		"(szkoła, GOK, ZGM) ze świadczeniem wypłacanym przez PUP. "
		"Pierwszy krok do stałej pracy.",
	  .access = "Osoby bezrobotne bez prawa do zasiłku, korzystające ze "
		"świadczeń pomocy społecznej. Skierowanie z PUP po "
		"uzgodnieniu z GOPS.",
	  .how = "Pracownik socjalny zgłasza osobę do PUP.",
	  .cost = "bezpłatnie; świadczenie za każdą godzinę",
	  .place = "instytucje gminne",
	  .hours = "do 10 godzin tygodniowo",
	  .waiting = "12 miejsc w roku",
	  .area = GMINA, .contact = "Marta Nowak",
	  .verified = 270, .by = "akowalska" },
	{ .provider = "cis",
	  .title = "Centrum Integracji Społecznej – warsztaty reintegracji "
		   "zawodowej",
	  .category = "praca", .sector = "rynek_pracy",
	  .target_groups = "bezrobotni;uzaleznieni;bezdomni",
	  .description = "Roczny program: zajęcia w warsztacie "
		"(gastronomia, remonty, ogród), wsparcie psychologa i "
		"świadczenie integracyjne. Po programie pomoc w znalezieniu "
		"pracy.",
	  .access = "Osoby zagrożone wykluczeniem: długotrwale bezrobotne, "
		"po terapii uzależnień, w kryzysie bezdomności, po wyjściu z "
		"zakładu karnego. Skierowanie z GOPS lub PUP.",
	  .how = "Skierowanie przez pracownika socjalnego; rozmowa w CIS.",
	  .cost = "bezpłatnie; świadczenie integracyjne",
	  .place = "ul. Fabryczna 3, Wierzbnik",
	  .hours = "pn–pt 7:00–13:00",
	  .waiting = "30 miejsc; nabór co kwartał",
	  .area = POWIAT, .contact = "Jolanta Walczak",
	  .verified = 450, .by = "pwisniewski" },
	{ .provider = "ss",
	  .title = "Trening pracy w spółdzielni socjalnej „Brzozowy Zakątek”",
	  .category = "praca", .sector = "biznes",
	  .target_groups = "bezrobotni",
	  .description = "Trzymiesięczny trening w kuchni lub ekipie "
		"zieleni pod okiem opiekuna; dobrze rokujący uczestnicy "
		"dostają umowę o pracę.",
	  .access = "Uczestnicy KIS i osoby skierowane przez PUP; "
		"podstawowa sprawność fizyczna.",
	  .how = "Skierowanie z KIS lub PUP, rozmowa z prezesem spółdzielni.",
	  .cost = "bezpłatnie",
	  .place = "ul. Polna 2, Brzozowa Wola",
	  .hours = "pn–pt 7:00–13:00",
	  .waiting = "4 miejsca",
	  .area = GMINA, .contact = "Mariusz Olszewski",
	  .verified = 110, .by = "mnowak" },
	{ .provider = "zsp",
	  .title = "Kurs zawodowy dla dorosłych: kucharz (kwalifikacja HGT.02)",
	  .category = "praca", .sector = "edukacja",
	  .target_groups = "bezrobotni",
	  .description = "Kwalifikacyjny kurs zawodowy zakończony egzaminem "
		"zawodowym; zajęcia w pracowni gastronomicznej szkoły.",
	  .access = "Osoby dorosłe z ukończoną szkołą podstawową. Wniosek, "
		"świadectwo, zaświadczenie lekarskie (książeczka sanepid).",
	  .how = "Zapisy w sekretariacie szkoły do końca sierpnia.",
	  .cost = "bezpłatnie",
	  .place = "ul. Kolejowa 9, Wierzbnik",
	  .hours = "zjazdy w soboty i niedziele co dwa tygodnie",
	  .waiting = "24 miejsca",
	  .area = POWIAT, .contact = "Robert Sikorski",
	  .verified = 520, .by = "pwisniewski" },
	{ .provider = "ogrodnictwo",
	  .title = "Praca sezonowa w gospodarstwie „Zielone Zagórze”",
	  .category = "praca", .sector = "biznes",
	  .target_groups = "bezrobotni",
	  .description = "Praca przy rozsadzie, zbiorach i sprzedaży warzyw; "
		"umowa zlecenie, wypłata co tydzień. Dowóz z Brzozowej Woli.",
	  .access = "Osoby pełnoletnie; nie wymaga doświadczenia.",
	  .how = "Telefon do właściciela.",
	  .cost = "—",
	  .place = "ul. Sadowa 15, Zagórze",
	  .hours = "kwiecień–październik, pn–sob od 6:00",
	  .waiting = "ok. 10 miejsc w sezonie",
	  .area = GMINA, .contact = "Mirosław Kwiatkowski",
	  .verified = 215, .by = "pwisniewski" },
	{ .provider = "piekarnia",
	  .title = "Praktyki i prace dorywcze w piekarni „Złoty Kłos”",
	  .category = "praca", .sector = "biznes",
	  .target_groups = "mlodziez;bezrobotni",
	  .description = "Praktyki dla uczniów szkoły branżowej i prace "
		"dorywcze przy pakowaniu i rozwożeniu pieczywa.",
	  .access = "Uczniowie od 16 lat (umowa o praktyczną naukę zawodu) "
		"i dorośli; książeczka sanepid.",
	  .how = "Rozmowa z właścicielem.",
	  .cost = "—",
	  .place = "ul. Główna 25, Brzozowa Wola",
	  .hours = "zmiana od 4:00 lub od 12:00",
	  .waiting = "2 miejsca praktyk",
	  .area = GMINA, .contact = "Roman Kubacki",
	  .verified = 175, .by = "akowalska" },

	/* edukacja i korepetycje */
	{ .provider = "razem",
	  .title = "Korepetycje z matematyki i języka polskiego z "
		   "wolontariuszami",
	  .category = "edukacja", .sector = "ngo",
	  .target_groups = "dzieci;mlodziez",
	  .description = "Studenci i emerytowani nauczyciele pomagają w "
		"nauce jeden na jeden, także przed egzaminem ósmoklasisty.",
	  .access = "Uczniowie klas 4–8 i szkół średnich z gminy; "
		"pierwszeństwo dla dzieci z rodzin, z którymi pracuje GOPS lub "
		"asystent rodziny. Zgoda rodzica.",
	  .how = "Zgłoszenie do koordynatorki wolontariatu (telefon, SMS) "
		"lub przez pedagoga szkolnego.",
	  .cost = "bezpłatnie",
	  .place = "świetlica „Przystanek Olszynka” lub biblioteka w "
		"Brzozowej Woli",
	  .hours = "pn–czw 15:00–18:00, terminy ustalane indywidualnie",
	  .waiting = "ok. 2 tygodnie na dobranie wolontariusza",
	  .area = GMINA, .contact = "Julia Marczak",
	  .verified = 26, .by = "pwisniewski" },
	{ .provider = "iskra",
	  .title = "Korepetycje koleżeńskie „Uczeń uczy ucznia”",
	  .kind = "activity",
	  .category = "edukacja", .sector = "ngo",
	  .target_groups = "dzieci;mlodziez",
	  .description = "Licealiści z Klubu Wolontariatu pomagają młodszym "
		"w lekcjach i w nauce angielskiego. Spotkania w małych "
		"grupach w bibliotece.",
	  .access = "Uczniowie klas 1–8; zgoda rodzica.",
	  .how = "Zapis w bibliotece albo u koordynatorki klubu.",
	  .cost = "bezpłatnie",
	  .place = "Gminna Biblioteka Publiczna, ul. Parkowa 2, Brzozowa Wola",
	  .hours = "wtorki i czwartki 16:00–18:00",
	  .waiting = "bez kolejki",
	  .area = GMINA, .contact = "Zuzanna Leśniak",
	  .verified = 158, .by = "mnowak" },
	{ .provider = "sp_bw",
	  .title = "Zajęcia dydaktyczno-wyrównawcze w SP Brzozowa Wola",
	  .kind = "activity",
	  .category = "edukacja", .sector = "edukacja",
	  .target_groups = "dzieci",
	  .description = "Dodatkowe lekcje z matematyki i języka polskiego "
		"w małych grupach dla uczniów, którzy mają zaległości.",
	  .access = "Uczniowie szkoły wskazani przez nauczyciela lub na "
		"prośbę rodzica.",
	  .how = "Rozmowa z wychowawcą lub pedagogiem.",
	  .cost = "bezpłatnie",
	  .place = "ul. Szkolna 1, Brzozowa Wola",
	  .hours = "po lekcjach, wg planu zajęć",
	  .area = GMINA, .contact = "Magdalena Sowa",
	  .verified = 176, .by = "mnowak" },
	{ .provider = "ppp",
	  .title = "Diagnoza psychologiczno-pedagogiczna, opinie i orzeczenia",
	  .category = "edukacja", .sector = "edukacja",
	  .target_groups = "dzieci;mlodziez;rodzice",
	  .description = "Badanie trudności w nauce (np. dysleksja), opinie "
		"dla szkoły, orzeczenia o potrzebie kształcenia specjalnego i "
		"indywidualnego nauczania.",
	  .access = "Dzieci i młodzież z powiatu. Wniosek rodzica lub "
		"pełnoletniego ucznia; przy orzeczeniu — dokumentacja "
		"lekarska i opinia szkoły.",
	  .how = "Wniosek w sekretariacie poradni lub mailem.",
	  .cost = "bezpłatnie",
	  .place = "ul. Ogrodowa 14, Wierzbnik",
	  .hours = "pn–czw 8:00–18:00, pt 8:00–15:00",
	  .waiting = "4–8 tygodni",
	  .area = POWIAT, .contact = "Małgorzata Jabłońska",
	  .verified = 130, .by = "mnowak" },
	{ .provider = "przedszkole",
	  .title = "Zajęcia logopedyczne w przedszkolu „Słoneczko”",
	  .category = "edukacja", .sector = "edukacja",
	  .target_groups = "dzieci",
	  .description = "Badanie przesiewowe mowy wszystkich dzieci we "
		"wrześniu i zajęcia indywidualne dla dzieci, które ich "
		"potrzebują.",
	  .access = "Dzieci uczęszczające do przedszkola i punktu "
		"przedszkolnego; zgoda rodzica.",
	  .how = "Zgłoszenie u nauczycielki grupy lub logopedy.",
	  .cost = "bezpłatnie",
	  .place = "ul. Kwiatowa 4, Brzozowa Wola",
	  .hours = "wtorki i czwartki 8:00–13:00",
	  .area = GMINA, .contact = "Sylwia Michalak",
	  .verified = 290, .by = "mnowak" },
	{ .provider = "biblioteka",
	  .title = "Nauka obsługi komputera i smartfona dla seniorów",
	  .kind = "activity",
	  .category = "edukacja", .sector = "kultura",
	  .target_groups = "seniorzy",
	  .description = "Spotkania w małych grupach: poczta, wideorozmowy z "
		"wnukami, bankowość internetowa, Profil Zaufany, rozpoznawanie "
		"oszustw.",
	  .access = "Osoby 60+; własny telefon mile widziany. Zapisy.",
	  .how = "Zapis w bibliotece lub telefonicznie.",
	  .cost = "bezpłatnie",
	  .place = "ul. Parkowa 2, Brzozowa Wola (pracownia komputerowa)",
	  .hours = "środy 10:00–12:00",
	  .waiting = "8 miejsc w grupie; kolejna grupa za ok. miesiąc",
	  .area = GMINA, .contact = "Grażyna Szulc",
	  .verified = 58, .by = "akowalska" },
	{ .provider = "biblioteka",
	  .title = "Lekcje języka polskiego dla cudzoziemców",
	  .kind = "activity",
	  .category = "edukacja", .sector = "kultura",
	  .target_groups = "cudzoziemcy",
	  .description = "Nauka polskiego od podstaw i na poziomie "
		"średnim, prowadzona przez wolontariuszkę-polonistkę. Dzieci "
		"mogą przyjść z rodzicami.",
	  .access = "Dorośli cudzoziemcy mieszkający w gminie i okolicy; "
		"bez dokumentów.",
	  .how = "Przyjść na zajęcia lub zapisać się w bibliotece.",
	  .cost = "bezpłatnie",
	  .place = "filia biblioteki, ul. Szkolna 5, Olszynka",
	  .hours = "soboty 10:00–12:00",
	  .area = GMINA, .contact = "Marzena Laskowska",
	  .verified = 145, .by = "pwisniewski" },
	{ .provider = "utw", .title = "Wykłady Uniwersytetu Trzeciego Wieku",
	  .kind = "activity",
	  .category = "edukacja", .sector = "ngo",
	  .target_groups = "seniorzy",
	  .description = "Wykłady o zdrowiu, historii regionu i prawie oraz "
		"warsztaty (język angielski, rękodzieło, pamięć).",
	  .access = "Osoby 55+; zapis i składka członkowska.",
	  .how = "Zapis w GOK we wtorki 10:00–12:00.",
	  .cost = "20 zł miesięcznie; osoby w trudnej sytuacji zwolnione",
	  .place = "GOK, ul. Parkowa 2, Brzozowa Wola",
	  .hours = "wtorki 10:00–13:00",
	  .area = GMINA, .contact = "Henryka Bielecka",
	  .verified = 310, .by = "akowalska" },
	{ .provider = "ppp", .title = "Doradztwo zawodowe dla uczniów klas 7–8",
	  .category = "edukacja", .sector = "edukacja",
	  .target_groups = "mlodziez;rodzice",
	  .description = "Badanie zainteresowań i predyspozycji, rozmowa o "
		"wyborze szkoły średniej, także branżowej.",
	  .access = "Uczniowie klas 7–8 z powiatu, z rodzicem.",
	  .how = "Zapis telefoniczny w poradni; w SP Brzozowa Wola przez "
		"pedagoga.",
	  .cost = "bezpłatnie",
	  .place = "ul. Ogrodowa 14, Wierzbnik",
	  .hours = "pn–czw 12:00–18:00",
	  .waiting = "2–3 tygodnie; wiosną dłużej",
	  .area = POWIAT, .contact = "Łukasz Borkowski",
	  .verified = 560, .by = "mnowak" },
	{ .provider = "bank",
	  .title = "Warsztaty „Jak gospodarować budżetem domowym” (FEPŻ)",
	  .kind = "activity",
	  .category = "edukacja", .sector = "ngo",
	  .target_groups = "rodziny;seniorzy",
	  .description = "Działania towarzyszące programu pomocy żywnościowej: "
		"planowanie wydatków, zakupy bez marnowania, jak nie wpaść w "
		"pułapkę chwilówek.",
	  .access = "Osoby otrzymujące paczki FEPŻ i inni chętni.",
	  .how = "Zapis w GOPS lub w dniu wydawania paczek.",
	  .cost = "bezpłatnie",
	  .place = "GOPS, ul. Główna 12, Brzozowa Wola",
	  .hours = "raz na kwartał, w dniu wydawania paczek o 12:00",
	  .area = GMINA, .contact = "Damian Kurowski",
	  .verified = 88, .by = "mnowak" },
	{ .provider = "bs",
	  .title = "Warsztaty edukacji finansowej dla seniorów",
	  .kind = "activity",
	  .category = "edukacja", .sector = "biznes",
	  .target_groups = "seniorzy",
	  .description = "Jak rozpoznać oszustwo „na wnuczka” i fałszywe "
		"SMS-y, bezpieczna bankowość. Zakończone po wystąpieniu banku "
		"z partnerstwa.",
	  .access = "Seniorzy z gminy.",
	  .how = "—",
	  .cost = "bezpłatnie",
	  .place = "Bank Spółdzielczy, ul. Główna 18, Brzozowa Wola",
	  .hours = "—",
	  .area = GMINA, .contact = "Ilona Tomaszewska",
	  .status = "archived",
	  .verified = 480, .by = "akowalska" },

	/* poradnictwo prawne i obywatelskie */
	{ .provider = "npp",
	  .title = "Nieodpłatna pomoc prawna – punkt w Brzozowej Woli",
	  .category = "poradnictwo", .sector = "wymiar_sprawiedliwosci",
	  .target_groups = "wszyscy",
	  .description = "Porada adwokata lub radcy prawnego: alimenty, "
		"rozwód, długi, spadki, mieszkanie, sprawy z urzędem. Prawnik "
		"pomoże napisać pismo, ale nie reprezentuje w sądzie.",
	  .access = "Każda osoba, która nie jest w stanie ponieść kosztów "
		"odpłatnej pomocy prawnej — wystarczy pisemne oświadczenie "
		"złożone na miejscu. Osoby, które nie mogą przyjść, mogą "
		"skorzystać z porady przez telefon lub internet.",
	  .how = "Zapis przez powiatową linię zapisów lub w UG.",
	  .cost = "bezpłatnie",
	  .place = "Urząd Gminy, ul. Główna 10, Brzozowa Wola, pokój 2",
	  .hours = "pn 12:00–16:00, czw 8:00–12:00",
	  .waiting = "zwykle termin w ciągu tygodnia",
	  .area = POWIAT, .contact = "Karolina Zawadzka",
	  .verified = 32, .by = "akowalska" },
	{ .provider = "npp", .title = "Nieodpłatne poradnictwo obywatelskie",
	  .category = "poradnictwo", .sector = "wymiar_sprawiedliwosci",
	  .target_groups = "wszyscy",
	  .description = "Doradca pomaga uporządkować sprawę krok po kroku: "
		"zadłużenia, rachunki, prawa konsumenta, sprawy z ZUS i "
		"urzędem skarbowym. Razem z osobą pisze plan działania.",
	  .access = "Jak przy nieodpłatnej pomocy prawnej — oświadczenie "
		"składane na miejscu.",
	  .how = "Zapis przez powiatową linię zapisów.",
	  .cost = "bezpłatnie",
	  .place = "Urząd Gminy, ul. Główna 10, Brzozowa Wola, pokój 2",
	  .hours = "środy 12:00–16:00",
	  .waiting = "do tygodnia",
	  .area = POWIAT, .contact = "Bartosz Chmielewski",
	  .verified = 168, .by = "akowalska" },
	{ .provider = "npp", .title = "Nieodpłatna mediacja",
	  .category = "poradnictwo", .sector = "wymiar_sprawiedliwosci",
	  .target_groups = "wszyscy;rodziny",
	  .description = "Mediator pomaga rozwiązać spór bez sądu: między "
		"sąsiadami, w rodzinie, z wierzycielem. Ugoda może zostać "
		"zatwierdzona przez sąd.",
	  .access = "Jak przy nieodpłatnej pomocy prawnej; obie strony "
		"muszą się zgodzić. Nie w sprawach z przemocą domową.",
	  .how = "Zapis przez powiatową linię zapisów.",
	  .cost = "bezpłatnie",
	  .place = "Urząd Gminy, ul. Główna 10, Brzozowa Wola, pokój 2",
	  .hours = "środy 12:00–16:00 (po uzgodnieniu)",
	  .waiting = "2–3 tygodnie",
	  .area = POWIAT, .contact = "Bartosz Chmielewski",
	  .verified = 400, .by = "pwisniewski" },
	{ .provider = "biblioteka",
	  .title = "Pomoc w sprawach urzędowych przez internet (Profil "
		   "Zaufany, wnioski do ZUS)",
	  .category = "poradnictwo", .sector = "kultura",
	  .target_groups = "seniorzy;rodzice;cudzoziemcy",
	  .description = "Bibliotekarka pomaga założyć Profil Zaufany, "
		"złożyć wniosek o 800+ lub „Dobry Start”, umówić wizytę u "
		"lekarza przez internet.",
	  .access = "Każdy mieszkaniec; dowód osobisty i telefon komórkowy.",
	  .how = "Przyjść do biblioteki; lepiej wcześniej zadzwonić.",
	  .cost = "bezpłatnie",
	  .place = "ul. Parkowa 2, Brzozowa Wola; filia w Olszynce",
	  .hours = "pn–pt 9:00–17:00",
	  .area = GMINA, .contact = "Grażyna Szulc",
	  .verified = 36, .by = "akowalska" },
	{ .provider = "wspolny_dom",
	  .title = "Punkt informacyjny dla cudzoziemców w Łodzi",
	  .category = "poradnictwo", .sector = "ngo",
	  .target_groups = "cudzoziemcy",
	  .description = "Informacja i pomoc w sprawach legalizacji pobytu, "
		"pracy, szkoły dla dzieci i dostępu do lekarza; po ukraińsku, "
		"rosyjsku, angielsku i polsku.",
	  .access = "Cudzoziemcy mieszkający w województwie łódzkim; "
		"paszport lub karta pobytu, jeśli jest.",
	  .how = "Telefon, e-mail lub przyjście; konsultacje także online.",
	  .cost = "bezpłatnie",
	  .place = "ul. Tkacka 12, Łódź; online",
	  .hours = "pn–pt 9:00–17:00",
	  .waiting = "do tygodnia",
	  .area = WOJ, .contact = "Olena Kovalenko",
	  .verified = 125, .by = "pwisniewski" },
	{ .provider = "sad",
	  .title = "Biuro Obsługi Interesantów sądu – informacja w sprawach "
		   "rodzinnych",
	  .category = "poradnictwo", .sector = "wymiar_sprawiedliwosci",
	  .target_groups = "rodziny;rodzice",
	  .description = "Informacja o stanie sprawy, formularze wniosków "
		"(alimenty, kontakty, ograniczenie władzy rodzicielskiej), "
		"opłaty i terminy. Bez porad prawnych.",
	  .access = "Strony i uczestnicy postępowań; formularze dostępne dla "
		"każdego.",
	  .how = "Osobiście lub telefonicznie; stan sprawy także przez "
		"Portal Informacyjny sądów.",
	  .cost = "bezpłatnie (opłaty sądowe wg przepisów)",
	  .place = "ul. Sądowa 2, Wierzbnik, parter",
	  .hours = "pn 8:00–18:00, wt–pt 8:00–15:30",
	  .area = POWIAT, .contact = "Wioletta Szymańska",
	  .verified = 640, .by = "mnowak" },
	{ .provider = "zgm",
	  .title = "Doradztwo w sprawie zadłużenia czynszowego",
	  .category = "poradnictwo", .sector = "mieszkalnictwo",
	  .target_groups = "rodziny;seniorzy;bezdomni",
	  .description = "Rozmowa o zaległościach w czynszu, możliwości "
		"odpracowania długu i o tym, jak nie stracić mieszkania.",
	  .access = "Najemcy lokali gminnych; dobrze zabrać ostatnie "
		"rozliczenie.",
	  .how = "Przyjść lub zadzwonić; pracownik socjalny może umówić "
		"wizytę razem z rodziną.",
	  .cost = "bezpłatnie",
	  .place = "ZGM, ul. Główna 10, Brzozowa Wola, pokój 11",
	  .hours = "pn 8:00–17:00, wt–czw 7:00–15:00",
	  .area = GMINA, .contact = "Wanda Jaworska",
	  .verified = 155, .by = "mnowak" },

	/* zdrowie i rehabilitacja */
	{ .provider = "goz",
	  .title = "Pielęgniarka środowiskowa – wizyty domowe",
	  .category = "zdrowie", .sector = "zdrowie",
	  .target_groups = "seniorzy;osoby_z_niepelnosprawnoscia;opiekunowie",
	  .description = "Zmiana opatrunków, zastrzyki, pomiar ciśnienia i "
		"cukru, nauka pielęgnacji dla rodziny. Pielęgniarka zgłasza "
		"do GOPS osoby, które potrzebują usług opiekuńczych.",
	  .access = "Pacjenci zapisani do pielęgniarki POZ w SPZOZ, którzy "
		"nie mogą przyjść do ośrodka. Zlecenie lekarza przy "
		"zabiegach.",
	  .how = "Telefon do pielęgniarek rano albo przez lekarza "
		"rodzinnego.",
	  .cost = "bezpłatnie (NFZ)",
	  .place = "w domu pacjenta",
	  .hours = "pn–pt 8:00–18:00",
	  .waiting = "zwykle w ciągu 2 dni",
	  .area = GMINA, .contact = "Izabela Nowicka",
	  .verified = 50, .by = "pwisniewski" },
	{ .provider = "goz",
	  .title = "Położna środowiskowa – wizyty patronażowe",
	  .category = "zdrowie", .sector = "zdrowie",
	  .target_groups = "rodziny;rodzice",
	  .description = "Wizyty położnej u mamy i noworodka po porodzie "
		"(4–6 wizyt), pomoc w karmieniu, kontrola rozwoju dziecka.",
	  .access = "Kobiety po porodzie zapisane do położnej POZ. Warto "
		"zgłosić się w ciąży po 21. tygodniu.",
	  .how = "Telefon do rejestracji SPZOZ; wypis ze szpitala.",
	  .cost = "bezpłatnie (NFZ)",
	  .place = "w domu",
	  .hours = "pn–pt 8:00–15:00",
	  .waiting = "pierwsza wizyta do 48 godzin po wyjściu ze szpitala",
	  .area = GMINA, .contact = "Izabela Nowicka",
	  .verified = 230, .by = "akowalska" },
	{ .provider = "goz", .title = "Rehabilitacja ambulatoryjna w SPZOZ",
	  .category = "zdrowie", .sector = "zdrowie",
	  .target_groups = "wszyscy;seniorzy;osoby_z_niepelnosprawnoscia",
	  .description = "Fizjoterapia: ćwiczenia, zabiegi, masaż. Dla "
		"osób leżących możliwa rehabilitacja domowa.",
	  .access = "Skierowanie od lekarza (rodzinnego lub specjalisty) "
		"ważne 30 dni; rehabilitacja domowa — tylko dla osób "
		"niechodzących.",
	  .how = "Zarejestrować skierowanie osobiście w ciągu 30 dni od "
		"wystawienia.",
	  .cost = "bezpłatnie (NFZ)",
	  .place = "ul. Zdrowa 3, Brzozowa Wola, gabinet 9",
	  .hours = "pn–pt 7:00–18:00",
	  .waiting = "ok. 3 miesiące; przypadki pilne szybciej",
	  .area = GMINA, .contact = "Andrzej Wieczorek",
	  .verified = 380, .by = "pwisniewski" },
	{ .provider = "goz", .title = "Szczepienia ochronne dzieci i dorosłych",
	  .category = "zdrowie", .sector = "zdrowie",
	  .target_groups = "dzieci;seniorzy;wszyscy",
	  .description = "Szczepienia obowiązkowe dzieci, szczepienia przeciw "
		"grypie, COVID-19 i pneumokokom dla seniorów.",
	  .access = "Pacjenci SPZOZ; seniorzy 65+ — bezpłatne szczepionki "
		"wg aktualnej listy.",
	  .how = "Zapis telefoniczny; książeczka zdrowia dziecka.",
	  .cost = "bezpłatnie (obowiązkowe i refundowane)",
	  .place = "ul. Zdrowa 3, Brzozowa Wola, gabinet szczepień",
	  .hours = "wtorki i czwartki 9:00–13:00",
	  .area = GMINA, .contact = "Izabela Nowicka",
	  .verified = 95, .by = "pwisniewski" },
	{ .provider = "goz",
	  .title = "Mammografia w mammobusie przed Ośrodkiem Zdrowia",
	  .kind = "activity",
	  .category = "zdrowie", .sector = "zdrowie",
	  .target_groups = "wszyscy",
	  .description = "Bezpłatne badanie mammograficzne w ramach "
		"programu profilaktyki raka piersi.",
	  .access = "Kobiety w wieku 45–74 lata, które nie miały mammografii "
		"w ciągu ostatnich 2 lat. Dowód osobisty; bez skierowania.",
	  .how = "Zapis telefoniczny na infolinię organizatora lub w "
		"rejestracji SPZOZ.",
	  .cost = "bezpłatnie",
	  .place = "parking przed SPZOZ, ul. Zdrowa 3, Brzozowa Wola",
	  .hours = "9:00–17:00 w dniu postoju",
	  .waiting = "ok. 60 badań w dniu postoju",
	  .area = GMINA, .contact = "Andrzej Wieczorek",
	  .valid_from = 12, .valid_to = 12,
	  .verified = 5, .by = "akowalska" },
	{ .provider = "spektrum",
	  .title = "Diagnoza spektrum autyzmu w Łodzi",
	  .category = "zdrowie", .sector = "ngo",
	  .target_groups = "dzieci;rodzice;osoby_z_niepelnosprawnoscia",
	  .description = "Diagnoza zespołu: psychiatra dziecięcy, psycholog "
		"(ADOS-2), logopeda; omówienie wyniku z rodzicami i "
		"zalecenia dla przedszkola lub szkoły.",
	  .access = "Dzieci od 18. miesiąca do 18 lat z województwa "
		"łódzkiego. Skierowanie do poradni zdrowia psychicznego dzieci "
		"(od lekarza rodzinnego) lub prywatnie bez skierowania; "
		"dokumentacja z poradni psychologiczno-pedagogicznej.",
	  .how = "Zapis telefoniczny; ankieta dla rodziców wysyłana "
		"mailem.",
	  .cost = "bezpłatnie ze skierowaniem (NFZ); prywatnie 1 200 zł",
	  .place = "ul. Tkacka 5, Łódź",
	  .hours = "pn–pt 8:00–18:00",
	  .waiting = "NFZ: ok. 8 miesięcy; prywatnie ok. 6 tygodni",
	  .area = WOJ, .contact = "Weronika Cieślak",
	  .verified = 60, .by = "mnowak" },
	{ .provider = "apteka",
	  .title = "Przegląd lekowy dla seniorów w aptece",
	  .category = "zdrowie", .sector = "biznes",
	  .target_groups = "seniorzy;opiekunowie",
	  .description = "Farmaceutka sprawdza wszystkie przyjmowane leki i "
		"suplementy, wyjaśnia, jak je brać, i wypisuje plan "
		"dawkowania dużą czcionką.",
	  .access = "Osoby, które przyjmują co najmniej 5 leków; zabrać "
		"wszystkie opakowania lub listę leków.",
	  .how = "Umówić się telefonicznie.",
	  .cost = "bezpłatnie",
	  .place = "ul. Główna 20, Brzozowa Wola",
	  .hours = "pn–pt 10:00–14:00",
	  .waiting = "do tygodnia",
	  .area = GMINA, .contact = "Dominika Kaczor",
	  .verified = 135, .by = "akowalska" },
	{ .provider = "apteka",
	  .title = "Dostawa leków do domu dla osób samotnych",
	  .category = "zdrowie", .sector = "biznes",
	  .target_groups = "seniorzy;osoby_z_niepelnosprawnoscia",
	  .description = "Raz w tygodniu apteka dowozi leki osobom, które nie "
		"mogą wyjść z domu. Receptę wystarczy podać przez telefon "
		"(kod i PESEL).",
	  .access = "Osoby samotne, chore lub z niepełnosprawnością; "
		"zgłoszenie przez GOPS, pielęgniarkę lub rodzinę.",
	  .how = "Telefon do apteki do środy do 12:00.",
	  .cost = "dowóz bezpłatny; leki wg cen apteki",
	  .place = "dowóz na terenie gminy",
	  .hours = "dowóz w czwartki po 15:00",
	  .area = GMINA, .contact = "Dominika Kaczor",
	  .verified = 240, .by = "mnowak" },
	{ .provider = "osp", .title = "Kurs pierwszej pomocy dla mieszkańców",
	  .kind = "activity",
	  .category = "zdrowie", .sector = "bezpieczenstwo",
	  .target_groups = "wszyscy;rodzice;mlodziez",
	  .description = "Czterogodzinne zajęcia praktyczne: resuscytacja, "
		"AED, zadławienie u dziecka i dorosłego, pozycja boczna.",
	  .access = "Osoby od 12 lat; młodsze z rodzicem. Zapisy.",
	  .how = "Zapis telefoniczny u naczelnika OSP.",
	  .cost = "bezpłatnie",
	  .place = "remiza OSP, ul. Strażacka 2, Zagórze",
	  .hours = "wybrane soboty 10:00–14:00",
	  .waiting = "16 miejsc w grupie",
	  .area = GMINA, .contact = "Sebastian Kurek",
	  .verified = 100, .by = "pwisniewski" },
	{ .provider = "medica",
	  .title = "Bilans zdrowia dorosłego „Moje Zdrowie” w przychodni "
		   "„Medica”",
	  .category = "zdrowie", .sector = "zdrowie",
	  .target_groups = "wszyscy",
	  .description = "Ankieta, pakiet badań krwi i moczu, pomiar "
		"ciśnienia; potem rozmowa z lekarzem i indywidualny plan "
		"profilaktyki.",
	  .access = "Osoby od 20 lat zapisane do lekarza POZ w przychodni; "
		"raz na 5 lat (od 50 lat — co 3 lata).",
	  .how = "Ankieta w Internetowym Koncie Pacjenta lub w rejestracji.",
	  .cost = "bezpłatnie (NFZ)",
	  .place = "ul. Leśna 7, Olszynka",
	  .hours = "pn–pt 8:00–11:00 (pobrania)",
	  .area = GMINA, .contact = "Patrycja Wilk",
	  .verified = NEVER, .by = NULL },

	/* usługi opiekuńcze i seniorzy */
	{ .provider = "gops",
	  .title = "Usługi opiekuńcze w miejscu zamieszkania",
	  .category = "opieka_senior", .sector = "pomoc_spoleczna",
	  .target_groups = "seniorzy;osoby_z_niepelnosprawnoscia;opiekunowie",
	  .description = "Opiekunka pomaga w codziennych sprawach: zakupy, "
		"posiłek, sprzątanie, higiena, wizyty u lekarza. Zakres i "
		"liczbę godzin ustala decyzja GOPS.",
	  .access = "Osoby samotne, które z powodu wieku, choroby lub "
		"niepełnosprawności potrzebują pomocy, a rodzina nie może jej "
		"zapewnić. Wywiad środowiskowy, zaświadczenie lekarskie o "
		"stanie zdrowia, dokumenty o dochodach.",
	  .how = "Wniosek w GOPS (może złożyć też rodzina, sąsiad lub "
		"pielęgniarka); pracownik socjalny przychodzi na wywiad.",
	  .cost = "odpłatność wg dochodu: do 150% kryterium bezpłatnie, "
		"powyżej — od 5% do 100% kosztu godziny (35 zł)",
	  .place = "w domu",
	  .hours = "pn–pt 7:00–19:00, w uzasadnionych przypadkach także w "
		"weekendy",
	  .waiting = "decyzja do 30 dni; obecnie 4 opiekunki, wolne ok. 20 "
		"godzin tygodniowo",
	  .area = GMINA, .contact = "Elżbieta Pawlak",
	  .verified = 16, .by = "akowalska" },
	{ .provider = "senior", .title = "Dzienny Dom „Senior+” w Zagórzu",
	  .category = "opieka_senior", .sector = "pomoc_spoleczna",
	  .target_groups = "seniorzy",
	  .description = "Miejsce dziennego pobytu: gimnastyka, zajęcia "
		"z pamięci, rękodzieło, wycieczki, ciepły obiad. Dowóz busem "
		"z sołectw.",
	  .access = "Osoby 60+ nieaktywne zawodowo, mieszkające w gminie. "
		"Decyzja kierująca GOPS po rozmowie z pracownikiem socjalnym.",
	  .how = "Wniosek w GOPS lub bezpośrednio w Dziennym Domu.",
	  .cost = "wg dochodu: do 1 500 zł bezpłatnie, powyżej — 5 do 15 zł "
		"dziennie",
	  .place = "ul. Lipowa 8, Zagórze",
	  .hours = "pn–pt 8:00–16:00",
	  .waiting = "20 miejsc; lista rezerwowa 3 osoby",
	  .area = GMINA, .contact = "Halina Czerwińska",
	  .verified = 44, .by = "mnowak" },
	{ .provider = "dps",
	  .title = "DPS dzienny – dzienny pobyt w Domu Pomocy Społecznej w "
		   "Dębowej Górze",
	  .category = "opieka_senior", .sector = "pomoc_spoleczna",
	  .target_groups = "seniorzy;opiekunowie",
	  .description = "Opieka w ciągu dnia dla osób, które nie mogą "
		"zostać same, gdy rodzina pracuje: posiłki, pielęgnacja, "
		"rehabilitacja, zajęcia.",
	  .access = "Osoby starsze i przewlekle chore wymagające opieki, z "
		"gminy Brzozowa Wola. Decyzja GOPS kierująca na pobyt "
		"dzienny; zaświadczenie lekarskie.",
	  .how = "Wniosek w GOPS; wizyta zapoznawcza w DPS.",
	  .cost = "odpłatność wg dochodu, maks. 45 zł dziennie",
	  .place = "ul. Parkowa 1, Dębowa Góra",
	  .hours = "pn–pt 7:00–17:00",
	  .waiting = "6 miejsc; obecnie 1 wolne",
	  .area = GMINA, .contact = "Iwona Krawczyk",
	  .verified = 95, .by = "akowalska" },
	{ .provider = "dps",
	  .title = "Opieka wytchnieniowa – pobyt krótkoterminowy w DPS",
	  .category = "opieka_senior", .sector = "pomoc_spoleczna",
	  .target_groups = "opiekunowie;osoby_z_niepelnosprawnoscia;seniorzy",
	  .description = "Do 14 dni całodobowego pobytu osoby zależnej, "
		"żeby opiekun mógł odpocząć, pójść do szpitala albo załatwić "
		"ważne sprawy.",
	  .access = "Opiekunowie osób z orzeczeniem o znacznym stopniu "
		"niepełnosprawności lub równoważnym. Karta zgłoszenia i kopia "
		"orzeczenia; kwalifikuje GOPS.",
	  .how = "Karta zgłoszenia w GOPS.",
	  .cost = "bezpłatnie (program opieki wytchnieniowej)",
	  .place = "ul. Parkowa 1, Dębowa Góra",
	  .hours = "całą dobę, do 14 dni w roku",
	  .waiting = "2 miejsca; terminy letnie rezerwować wiosną",
	  .area = GMINA, .contact = "Iwona Krawczyk",
	  .season_from = "01-01", .season_to = "12-31",
	  .verified = 150, .by = "akowalska" },
	{ .provider = "gops",
	  .title = "Opaska bezpieczeństwa (teleopieka) dla seniorów",
	  .category = "opieka_senior", .sector = "pomoc_spoleczna",
	  .target_groups = "seniorzy",
	  .description = "Opaska z przyciskiem SOS, czujnikiem upadku i "
		"lokalizacją; po naciśnięciu ratownik centrum teleopieki "
		"rozmawia z seniorem i wzywa pomoc lub rodzinę.",
	  .access = "Osoby 65+ mieszkające samotnie lub z osobą, która nie "
		"może zapewnić wsparcia. Wniosek i oświadczenia.",
	  .how = "Wniosek w GOPS; pracownik pomaga go wypełnić.",
	  .cost = "bezpłatnie",
	  .place = "w domu",
	  .hours = "centrum teleopieki całą dobę",
	  .waiting = "40 opasek; obecnie 6 wolnych",
	  .area = GMINA, .contact = "Piotr Wiśniewski",
	  .verified = 225, .by = "pwisniewski" },
	{ .provider = "kgw_zag",
	  .title = "Sąsiedzka pomoc seniorom – odwiedziny i zakupy",
	  .kind = "activity",
	  .category = "opieka_senior", .sector = "grupy_nieformalne",
	  .target_groups = "seniorzy",
	  .description = "Panie z koła odwiedzają samotnych sąsiadów, robią "
		"drobne zakupy, przywożą ciasto na święta. Dają znać do GOPS, "
		"gdy ktoś potrzebuje więcej pomocy.",
	  .access = "Samotni seniorzy z Zagórza i Dębowej Góry; wystarczy "
		"telefon seniora, rodziny lub pracownika socjalnego.",
	  .how = "Telefon do przewodniczącej koła.",
	  .cost = "bezpłatnie",
	  .place = "Zagórze, Dębowa Góra",
	  .hours = "wg potrzeb, zwykle raz w tygodniu",
	  .area = "Zagórze, Dębowa Góra", .contact = "Krystyna Nowakowska",
	  .verified = 62, .by = "mnowak" },
	{ .provider = "gops",
	  .title = "Skierowanie do domu pomocy społecznej (pobyt całodobowy)",
	  .category = "opieka_senior", .sector = "pomoc_spoleczna",
	  .target_groups = "seniorzy;osoby_z_niepelnosprawnoscia;opiekunowie",
	  .description = "Pomoc w przygotowaniu dokumentów i decyzja o "
		"skierowaniu do DPS, gdy opieka w domu nie wystarcza.",
	  .access = "Osoby wymagające całodobowej opieki, której nie można "
		"zapewnić w domu także przy usługach opiekuńczych. Zgoda "
		"osoby (lub postanowienie sądu), zaświadczenie lekarskie, "
		"dokumenty o dochodach osoby i rodziny.",
	  .how = "Wniosek w GOPS, wywiad środowiskowy.",
	  .cost = "do 70% dochodu osoby; resztę dopłaca rodzina lub gmina",
	  .place = "DPS wskazany w decyzji (najbliższy: Dębowa Góra)",
	  .hours = "—",
	  .waiting = "DPS Dębowa Góra: ok. 6 miesięcy",
	  .area = GMINA, .contact = "Elżbieta Pawlak",
	  .verified = 360, .by = "akowalska" },
	{ .provider = "dps",
	  .title = "Grupa wsparcia dla opiekunów osób z chorobą Alzheimera",
	  .kind = "activity",
	  .category = "opieka_senior", .sector = "pomoc_spoleczna",
	  .target_groups = "opiekunowie",
	  .description = "Spotkania z psychologiem i pielęgniarką: jak "
		"rozumieć zachowania chorego, jak zadbać o siebie, co "
		"przysługuje opiekunowi.",
	  .access = "Opiekunowie rodzinni osób z demencją; bez zapisów. "
		"Na czas spotkania można przywieźć chorego — opiekę zapewnia "
		"DPS.",
	  .how = "Przyjść lub zadzwonić do kierownik działu.",
	  .cost = "bezpłatnie",
	  .place = "sala rehabilitacyjna DPS, ul. Parkowa 1, Dębowa Góra",
	  .hours = "trzecia środa miesiąca, 16:00–18:00",
	  .area = GMINA, .contact = "Iwona Krawczyk",
	  .verified = 480, .by = "mnowak" },
	{ .provider = "fitness",
	  .title = "Gimnastyka dla seniorów w klubie „Forma”",
	  .kind = "activity",
	  .category = "opieka_senior", .sector = "sport",
	  .target_groups = "seniorzy",
	  .description = "Zajęcia ruchowe dla osób 60+. Zakończone — klub "
		"wystąpił z partnerstwa; zapraszamy na gimnastykę w Dziennym "
		"Domu „Senior+”.",
	  .access = "Seniorzy z gminy.",
	  .how = "—",
	  .cost = "—",
	  .place = "ul. Polna 11, Brzozowa Wola",
	  .hours = "—",
	  .area = GMINA, .contact = "Oliwia Banaś",
	  .status = "archived",
	  .verified = 230, .by = "akowalska" },

	/* niepełnosprawność */
	{ .provider = "krok",
	  .title = "Wypożyczalnia sprzętu rehabilitacyjnego",
	  .category = "niepelnosprawnosc", .sector = "ngo",
	  .target_groups = "osoby_z_niepelnosprawnoscia;seniorzy;opiekunowie",
	  .description = "Łóżka rehabilitacyjne, materace przeciwodleżynowe, "
		"wózki, balkoniki, kule, podnośnik. Wolontariusze pomagają "
		"przywieźć i złożyć łóżko.",
	  .access = "Mieszkańcy gminy, także po wypisie ze szpitala; umowa "
		"użyczenia i dowód osobisty. Zaświadczenie lekarskie nie jest "
		"potrzebne.",
	  .how = "Telefon do wypożyczalni; odbiór w godzinach dyżuru.",
	  .cost = "bezpłatnie; kaucja 100 zł za łóżko (zwracana)",
	  .place = "ul. Lipowa 3, Zagórze (magazyn za budynkiem)",
	  .hours = "wtorki 16–18, czwartki 10–12",
	  .waiting = "łóżka: zwykle od ręki; wózki elektryczne — lista "
		"oczekujących",
	  .area = GMINA, .contact = "Maciej Przybylski",
	  .verified = 9, .by = "akowalska" },
	{ .provider = "krok",
	  .title = "Asystencja osobista osób z niepełnosprawnościami",
	  .category = "niepelnosprawnosc", .sector = "ngo",
	  .target_groups = "osoby_z_niepelnosprawnoscia;opiekunowie",
	  .description = "Asystent pomaga w wyjściu z domu, dojeździe do "
		"lekarza, pracy lub szkoły, w zakupach i sprawach urzędowych. "
		"Osoba sama decyduje, w czym potrzebuje pomocy.",
	  .access = "Dzieci do 16 lat z orzeczeniem o niepełnosprawności ze "
		"wskazaniami oraz osoby z orzeczeniem o znacznym lub "
		"umiarkowanym stopniu niepełnosprawności. Karta zgłoszenia i "
		"kopia orzeczenia.",
	  .how = "Karta zgłoszenia w stowarzyszeniu lub w GOPS.",
	  .cost = "bezpłatnie",
	  .place = "w domu i poza domem",
	  .hours = "wg ustaleń, do 720 godzin w roku na osobę",
	  .waiting = "nabór na kolejny rok w grudniu",
	  .area = GMINA, .contact = "Agata Szczepańska",
	  .verified = 72, .by = "akowalska" },
	{ .provider = "pcpr",
	  .title = "Dofinansowanie z PFRON do sprzętu rehabilitacyjnego i "
		   "środków pomocniczych",
	  .category = "niepelnosprawnosc", .sector = "pomoc_spoleczna",
	  .target_groups = "osoby_z_niepelnosprawnoscia",
	  .description = "Dopłata do sprzętu rehabilitacyjnego oraz do "
		"wkładu własnego przy wózkach, aparatach słuchowych i "
		"pieluchomajtkach refundowanych przez NFZ.",
	  .access = "Osoby z orzeczeniem o niepełnosprawności (lub "
		"równoważnym); dochód do limitu z rozporządzenia. Wniosek, "
		"kopia orzeczenia, zlecenie lub faktura proforma.",
	  .how = "Wniosek papierowy w PCPR lub przez system SOW.",
	  .cost = "bezpłatnie; dopłata do limitu",
	  .place = "PCPR, ul. Kościuszki 5, Wierzbnik, pokój 14",
	  .hours = "pn–pt 8:00–14:00",
	  .waiting = "do wyczerpania środków w danym roku",
	  .area = POWIAT, .contact = "Krzysztof Sadowski",
	  .verified = 162, .by = "pwisniewski" },
	{ .provider = "pcpr",
	  .title = "Dofinansowanie turnusu rehabilitacyjnego (PFRON)",
	  .category = "niepelnosprawnosc", .sector = "pomoc_spoleczna",
	  .target_groups = "osoby_z_niepelnosprawnoscia;opiekunowie",
	  .description = "Dopłata do dwutygodniowego turnusu "
		"rehabilitacyjnego, także dla opiekuna, gdy jest potrzebny.",
	  .access = "Osoby z orzeczeniem o niepełnosprawności; wniosek z "
		"częścią wypełnioną przez lekarza; dochód do limitu.",
	  .how = "Wniosek w PCPR przez cały rok; o dofinansowaniu decydują "
		"środki przyznane powiatowi.",
	  .cost = "dopłata zależna od stopnia niepełnosprawności",
	  .place = "PCPR, ul. Kościuszki 5, Wierzbnik",
	  .hours = "pn–pt 8:00–14:00",
	  .waiting = "decyzje zwykle w marcu–kwietniu",
	  .area = POWIAT, .contact = "Krzysztof Sadowski",
	  .verified = 430, .by = "pwisniewski" },
	{ .provider = "pcpr",
	  .title = "Likwidacja barier architektonicznych, w komunikowaniu się "
		   "i technicznych (PFRON)",
	  .category = "niepelnosprawnosc", .sector = "pomoc_spoleczna",
	  .target_groups = "osoby_z_niepelnosprawnoscia",
	  .description = "Dofinansowanie przystosowania łazienki, podjazdu, "
		"schodołazu, komputera lub oprogramowania dla osoby "
		"niewidomej.",
	  .access = "Osoby z orzeczeniem o niepełnosprawności z "
		"ograniczeniami w poruszaniu się lub komunikowaniu; właściciel "
		"lub najemca lokalu (zgoda właściciela). Prac nie można zacząć "
		"przed podpisaniem umowy.",
	  .how = "Wniosek w PCPR; wizja lokalna.",
	  .cost = "do 95% kosztów, wkład własny min. 5%",
	  .place = "PCPR, ul. Kościuszki 5, Wierzbnik",
	  .hours = "pn–pt 8:00–14:00",
	  .waiting = "nabór do 31 marca; decyzje do czerwca",
	  .area = POWIAT, .contact = "Krzysztof Sadowski",
	  .verified = 700, .by = "pwisniewski" },
	{ .provider = "sds",
	  .title = "Środowiskowy Dom Samopomocy w Olszynce",
	  .category = "niepelnosprawnosc", .sector = "pomoc_spoleczna",
	  .target_groups = "osoby_z_niepelnosprawnoscia",
	  .description = "Dzienne zajęcia dla dorosłych z niepełnosprawnością "
		"intelektualną i zaburzeniami psychicznymi: trening kulinarny, "
		"budżetowy, komputerowy, wyjścia, wsparcie psychologa. Dowóz "
		"busem.",
	  .access = "Osoby od 18 lat z zaburzeniami psychicznymi lub "
		"niepełnosprawnością intelektualną. Zaświadczenie lekarza "
		"psychiatry lub neurologa; decyzja kierująca GOPS.",
	  .how = "Wniosek w GOPS; wizyta zapoznawcza w ŚDS.",
	  .cost = "bezpłatnie przy dochodzie do kryterium; powyżej wg "
		"tabeli (maks. ok. 250 zł miesięcznie)",
	  .place = "ul. Szkolna 3, Olszynka",
	  .hours = "pn–pt 8:00–16:00",
	  .waiting = "25 miejsc; obecnie 2 wolne",
	  .area = GMINA, .contact = "Dorota Lis",
	  .verified = 38, .by = "akowalska" },
	{ .provider = "ppp", .title = "Wczesne wspomaganie rozwoju dziecka",
	  .category = "niepelnosprawnosc", .sector = "edukacja",
	  .target_groups = "dzieci;rodzice;osoby_z_niepelnosprawnoscia",
	  .description = "Zajęcia z terapeutami (logopeda, fizjoterapeuta, "
		"pedagog) od wykrycia niepełnosprawności do pójścia do szkoły, "
		"z instruktażem dla rodziców.",
	  .access = "Dzieci z opinią o potrzebie wczesnego wspomagania "
		"rozwoju wydaną przez poradnię psychologiczno-pedagogiczną.",
	  .how = "Wniosek o opinię w poradni; potem zgłoszenie do "
		"zespołu WWR.",
	  .cost = "bezpłatnie",
	  .place = "ul. Ogrodowa 14, Wierzbnik; część zajęć w przedszkolu "
		"„Słoneczko”",
	  .hours = "4–8 godzin w miesiącu",
	  .waiting = "ok. miesiąca od opinii",
	  .area = POWIAT, .contact = "Małgorzata Jabłońska",
	  .verified = 265, .by = "mnowak" },
	{ .provider = "rodzice",
	  .title = "Grupa wsparcia „Razem Raźniej” dla rodziców dzieci z "
		   "niepełnosprawnościami",
	  .kind = "activity",
	  .category = "niepelnosprawnosc", .sector = "grupy_nieformalne",
	  .target_groups = "rodzice;opiekunowie;osoby_z_niepelnosprawnoscia",
	  .description = "Rodzice wymieniają się doświadczeniem: orzeczenia, "
		"świadczenia, turnusy, terapie, szkoła. Czasem przychodzi "
		"zaproszony specjalista.",
	  .access = "Rodzice i opiekunowie dzieci z niepełnosprawnościami; "
		"bez zapisów.",
	  .how = "Przyjść lub napisać do liderki grupy.",
	  .cost = "bezpłatnie",
	  .place = "ul. Lipowa 3, Zagórze",
	  .hours = "ostatnia sobota miesiąca, 10:00–12:00",
	  .area = GMINA, .contact = "Edyta Grabowska",
	  .verified = 115, .by = "mnowak" },
	{ .provider = "pcpr",
	  .title = "Orzeczenie o niepełnosprawności – wnioski do Powiatowego "
		   "Zespołu",
	  .category = "niepelnosprawnosc", .sector = "pomoc_spoleczna",
	  .target_groups = "osoby_z_niepelnosprawnoscia;rodzice",
	  .description = "Pomoc w złożeniu wniosku o orzeczenie o "
		"niepełnosprawności (dzieci do 16 lat) lub o stopniu "
		"niepełnosprawności; orzeczenie otwiera drogę do świadczeń i "
		"ulg.",
	  .access = "Osoby z długotrwałymi problemami zdrowia. Wniosek, "
		"zaświadczenie lekarskie (ważne 30 dni) i dokumentacja "
		"medyczna.",
	  .how = "Wniosek w Powiatowym Zespole ds. Orzekania (budynek "
		"PCPR).",
	  .cost = "bezpłatnie",
	  .place = "ul. Kościuszki 5, Wierzbnik, parter",
	  .hours = "pn–pt 8:00–15:00",
	  .waiting = "komisja w ciągu 1–2 miesięcy",
	  .area = POWIAT, .contact = "Krzysztof Sadowski",
	  .verified = 150, .by = "mnowak" },

	/* mieszkanie i kryzys bezdomności */
	{ .provider = "zgm", .title = "Najem socjalny lokalu z zasobu gminy",
	  .category = "mieszkanie", .sector = "mieszkalnictwo",
	  .target_groups = "rodziny;bezdomni;seniorzy",
	  .description = "Lokal o obniżonym czynszu dla osób bez "
		"mieszkania i o niskich dochodach; także po wyroku eksmisyjnym "
		"z prawem do lokalu socjalnego.",
	  .access = "Mieszkańcy gminy bez tytułu prawnego do lokalu, o "
		"dochodach poniżej progu z uchwały rady gminy. Wniosek, "
		"deklaracja dochodów, dokumenty o sytuacji mieszkaniowej.",
	  .how = "Wniosek w ZGM; komisja mieszkaniowa ocenia wnioski raz na "
		"kwartał.",
	  .cost = "czynsz ok. 2 zł za m² plus media",
	  .place = "ZGM, ul. Główna 10, Brzozowa Wola, pokój 11",
	  .hours = "pn 8:00–17:00, wt–czw 7:00–15:00",
	  .waiting = "ok. 1,5 roku; 9 wniosków w kolejce",
	  .area = GMINA, .contact = "Wanda Jaworska",
	  .verified = 174, .by = "mnowak" },
	{ .provider = "zgm",
	  .title = "Mieszkanie chronione treningowe w Brzozowej Woli",
	  .category = "mieszkanie", .sector = "mieszkalnictwo",
	  .target_groups = "mlodziez;bezdomni;osoby_z_niepelnosprawnoscia",
	  .description = "Dwa miejsca w mieszkaniu z opieką pracownika "
		"socjalnego; nauka samodzielnego życia przed własnym "
		"mieszkaniem. Pobyt na czas określony.",
	  .access = "Osoby usamodzielniane (po pieczy zastępczej), z "
		"zaburzeniami psychicznymi, wychodzące z bezdomności. Decyzja "
		"GOPS kierująca, kontrakt socjalny.",
	  .how = "Wniosek przez pracownika socjalnego GOPS.",
	  .cost = "odpłatność wg dochodu; przy dochodzie do kryterium "
		"bezpłatnie",
	  .place = "ul. Osiedlowa 2/5, Brzozowa Wola",
	  .hours = "całą dobę; pracownik socjalny codziennie",
	  .waiting = "2 miejsca; obecnie zajęte, zwolnienie planowane za "
		"ok. 3 miesiące",
	  .area = GMINA, .contact = "Henryk Zalewski",
	  .verified = 82, .by = "akowalska" },
	{ .provider = "pcpr",
	  .title = "Mieszkanie chronione wspierane w Wierzbniku",
	  .category = "mieszkanie", .sector = "pomoc_spoleczna",
	  .target_groups = "seniorzy;osoby_z_niepelnosprawnoscia",
	  .description = "Mieszkanie dla osób, które nie mogą już mieszkać "
		"same, ale nie potrzebują DPS; wsparcie asystenta i "
		"opiekunki.",
	  .access = "Osoby z niepełnosprawnością lub przewlekle chore z "
		"powiatu. Decyzja PCPR na wniosek GOPS.",
	  .how = "Wniosek przez pracownika socjalnego GOPS.",
	  .cost = "odpłatność wg dochodu",
	  .place = "ul. Kościuszki 5a, Wierzbnik",
	  .hours = "całą dobę",
	  .waiting = "4 miejsca; lista oczekujących 2 osoby",
	  .area = POWIAT, .contact = "Katarzyna Zielińska",
	  .verified = 330, .by = "akowalska" },
	{ .provider = "dach",
	  .title = "Schronisko dla osób w kryzysie bezdomności w Wierzbniku",
	  .category = "mieszkanie", .sector = "mieszkalnictwo",
	  .target_groups = "bezdomni",
	  .description = "Całodobowy pobyt z posiłkami, pracą socjalną i "
		"pomocą w wyjściu z bezdomności. Schronisko dla mężczyzn; "
		"kobiety kierujemy do schroniska w Łodzi.",
	  .access = "Mężczyźni w kryzysie bezdomności, ostatnio zameldowani "
		"w gminie. Decyzja GOPS i kontrakt socjalny; w nagłej sytuacji "
		"przyjęcie od razu, decyzja później.",
	  .how = "Przez pracownika socjalnego GOPS; w nocy i w weekend — "
		"telefon do schroniska lub Straży Gminnej.",
	  .cost = "odpłatność wg dochodu; gmina dopłaca resztę",
	  .place = "ul. Fabryczna 12, Wierzbnik",
	  .hours = "całą dobę",
	  .waiting = "30 miejsc; zimą bywa komplet",
	  .area = POWIAT, .contact = "Leszek Makowski",
	  .verified = 27, .by = "pwisniewski" },
	{ .provider = "dach", .title = "Noclegownia i ogrzewalnia w Wierzbniku",
	  .category = "mieszkanie", .sector = "mieszkalnictwo",
	  .target_groups = "bezdomni",
	  .description = "Nocleg, gorąca herbata, łaźnia. Ogrzewalnia "
		"przyjmuje także osoby nietrzeźwe, gdy jest mróz.",
	  .access = "Osoby w kryzysie bezdomności; bez skierowania i bez "
		"dokumentów.",
	  .how = "Przyjść po 18:00 lub zadzwonić do dyżurki.",
	  .cost = "bezpłatnie",
	  .place = "ul. Fabryczna 12, Wierzbnik",
	  .hours = "codziennie 18:00–8:00",
	  .waiting = "20 miejsc w noclegowni, 15 w ogrzewalni",
	  .area = POWIAT, .contact = "Leszek Makowski",
	  .verified = 27, .by = "pwisniewski" },
	{ .provider = "dach",
	  .title = "Streetworking zimowy – pomoc osobom nocującym poza domem",
	  .kind = "activity",
	  .category = "mieszkanie", .sector = "ngo",
	  .target_groups = "bezdomni",
	  .description = "Streetworker odwiedza altanki, pustostany i "
		"dworzec; przywozi ciepłe rzeczy i posiłek, namawia do "
		"skorzystania ze schronienia.",
	  .access = "Osoby nocujące w miejscach niemieszkalnych. Każdy może "
		"zgłosić miejsce, gdzie ktoś nocuje.",
	  .how = "Telefon do streetworkera lub Straży Gminnej.",
	  .cost = "bezpłatnie",
	  .place = "teren powiatu",
	  .hours = "od listopada do marca, wieczorami",
	  .area = POWIAT, .contact = "Artur Sobolewski",
	  .season_from = "11-01", .season_to = "03-31",
	  .verified = 20, .by = "pwisniewski" },
	{ .provider = "straz",
	  .title = "Akcja „Zima” – sprawdzanie miejsc, gdzie nocują osoby w "
		   "kryzysie bezdomności",
	  .kind = "activity",
	  .category = "mieszkanie", .sector = "bezpieczenstwo",
	  .target_groups = "bezdomni;seniorzy",
	  .description = "Patrole sprawdzają pustostany i altanki, a także "
		"samotnych seniorów bez opału. Strażnicy mogą przewieźć osobę "
		"do ogrzewalni.",
	  .access = "Każdy może zgłosić osobę zagrożoną wychłodzeniem.",
	  .how = "Telefon do Straży Gminnej; w nocy — 112.",
	  .cost = "bezpłatnie",
	  .place = "teren gminy",
	  .hours = "od listopada do marca; patrole wieczorne",
	  .area = GMINA, .contact = "Zbigniew Adamczyk",
	  .season_from = "11-01", .season_to = "03-31",
	  .verified = 21, .by = "akowalska" },
	{ .provider = "ug", .title = "Dodatek mieszkaniowy",
	  .category = "mieszkanie", .sector = "mieszkalnictwo",
	  .target_groups = "rodziny;seniorzy",
	  .description = "Comiesięczna dopłata do czynszu i opłat "
		"mieszkaniowych, przyznawana na 6 miesięcy.",
	  .access = "Najemcy i właściciele lokali o niskich dochodach "
		"(średni miesięczny dochód na osobę do 40% przeciętnego "
		"wynagrodzenia w gospodarstwie jednoosobowym, do 30% w "
		"wieloosobowym) i normatywnej powierzchni. Deklaracja o "
		"dochodach z 3 miesięcy, zaświadczenie zarządcy o wydatkach.",
	  .how = "Wniosek w UG (pokój 8).",
	  .cost = "bezpłatnie",
	  .place = "Urząd Gminy, ul. Główna 10, Brzozowa Wola, pokój 8",
	  .hours = "pn 8:00–17:00, wt–pt 7:30–15:30",
	  .waiting = "decyzja do miesiąca",
	  .area = GMINA, .contact = "Agnieszka Kubiak",
	  .verified = 560, .by = "akowalska" },
	{ .provider = "zgm",
	  .title = "Odpracowanie zadłużenia czynszowego i rozłożenie na raty",
	  .category = "mieszkanie", .sector = "mieszkalnictwo",
	  .target_groups = "rodziny;bezrobotni",
	  .description = "Ugoda z ZGM: spłata w ratach albo odpracowanie "
		"części długu przy pracach porządkowych na rzecz gminy.",
	  .access = "Najemcy lokali gminnych z zaległościami; opinia "
		"pracownika socjalnego przy odpracowaniu.",
	  .how = "Wniosek w ZGM.",
	  .cost = "bezpłatnie",
	  .place = "ZGM, ul. Główna 10, Brzozowa Wola, pokój 11",
	  .hours = "pn 8:00–17:00, wt–czw 7:00–15:00",
	  .waiting = "ugoda w ciągu 2–3 tygodni",
	  .area = GMINA, .contact = "Wanda Jaworska",
	  .verified = 155, .by = "mnowak" },

	/* pomoc materialna i żywnościowa */
	{ .provider = "gops",
	  .title = "Zasiłek celowy – na żywność, leki, opał, odzież",
	  .category = "pomoc_materialna", .sector = "pomoc_spoleczna",
	  .target_groups = "rodziny;seniorzy;wszyscy",
	  .description = "Jednorazowa pomoc pieniężna lub rzeczowa na "
		"konkretną potrzebę. W nagłej sytuacji (pożar, powódź) możliwy "
		"zasiłek bez względu na dochód.",
	  .access = "Osoby i rodziny z dochodem do kryterium z ustawy o "
		"pomocy społecznej; powyżej kryterium — specjalny zasiłek "
		"celowy w szczególnie uzasadnionych przypadkach. Wywiad "
		"środowiskowy, dokumenty o dochodach, rachunki lub faktury.",
	  .how = "Wniosek w GOPS (ustnie lub pisemnie); pracownik socjalny "
		"umawia wywiad.",
	  .cost = "bezpłatnie",
	  .place = "GOPS, ul. Główna 12, Brzozowa Wola",
	  .hours = "pn–pt 7:30–15:30; kasa pn–pt 8:00–12:00",
	  .waiting = "decyzja do 30 dni, w pilnych sprawach szybciej",
	  .area = GMINA, .contact = "Marta Nowak",
	  .verified = 11, .by = "akowalska" },
	{ .provider = "gops", .title = "Zasiłek stały i zasiłek okresowy",
	  .category = "pomoc_materialna", .sector = "pomoc_spoleczna",
	  .target_groups = "osoby_z_niepelnosprawnoscia;seniorzy;bezrobotni",
	  .description = "Zasiłek stały — dla osób niezdolnych do pracy z "
		"powodu wieku lub niepełnosprawności. Zasiłek okresowy — "
		"na czas choroby, bezrobocia lub oczekiwania na świadczenie.",
	  .access = "Dochód poniżej kryterium z ustawy o pomocy społecznej; "
		"przy zasiłku stałym orzeczenie o niezdolności do pracy lub "
		"wiek emerytalny. Wywiad środowiskowy, dokumenty o dochodach.",
	  .how = "Wniosek w GOPS.",
	  .cost = "bezpłatnie",
	  .place = "GOPS, ul. Główna 12, Brzozowa Wola",
	  .hours = "pn–pt 7:30–15:30",
	  .waiting = "decyzja do 30 dni",
	  .area = GMINA, .contact = "Marta Nowak",
	  .verified = 170, .by = "akowalska" },
	{ .provider = "bank", .title = "Paczki żywnościowe (program FEPŻ)",
	  .category = "pomoc_materialna", .sector = "ngo",
	  .target_groups = "rodziny;seniorzy;osoby_z_niepelnosprawnoscia;"
		"bezdomni",
	  .description = "Paczki z makaronem, kaszą, konserwami, mlekiem, "
		"olejem i cukrem, wydawane raz w miesiącu; do tego warsztaty "
		"kulinarne i ekonomiczne.",
	  .access = "Osoby i rodziny w trudnej sytuacji, których dochód nie "
		"przekracza 220% kryterium z ustawy o pomocy społecznej. "
		"Potrzebne skierowanie z GOPS (pracownik socjalny wystawia je "
		"po krótkiej rozmowie).",
	  .how = "Skierowanie z GOPS; paczki odbiera się w punkcie wydawania "
		"z dowodem osobistym.",
	  .cost = "bezpłatnie",
	  .place = "punkt wydawania: garaż GOPS, ul. Główna 12, Brzozowa Wola",
	  .hours = "drugi czwartek miesiąca 10:00–15:00",
	  .waiting = "bez kolejki",
	  .area = GMINA, .contact = "Damian Kurowski",
	  .verified = 24, .by = "mnowak" },
	{ .provider = "gops",
	  .title = "Posiłek dla seniorów i osób chorych z dowozem do domu",
	  .category = "pomoc_materialna", .sector = "pomoc_spoleczna",
	  .target_groups = "seniorzy;osoby_z_niepelnosprawnoscia",
	  .description = "Gorący obiad z kuchni spółdzielni socjalnej "
		"dowożony do domu w dni robocze, w ramach programu „Posiłek w "
		"szkole i w domu”.",
	  .access = "Osoby, które nie mogą same przygotować posiłku, z "
		"dochodem do 200% kryterium; powyżej — odpłatnie. Decyzja "
		"GOPS.",
	  .how = "Wniosek w GOPS; wywiad środowiskowy.",
	  .cost = "bezpłatnie do 200% kryterium; powyżej 14 zł za obiad",
	  .place = "dowóz do domu",
	  .hours = "pn–pt, dowóz 11:30–13:30",
	  .waiting = "start w ciągu tygodnia od decyzji",
	  .area = GMINA, .contact = "Piotr Wiśniewski",
	  .verified = 19, .by = "pwisniewski" },
	{ .provider = "gops",
	  .title = "Dożywianie uczniów – bezpłatny obiad w szkole",
	  .category = "pomoc_materialna", .sector = "pomoc_spoleczna",
	  .target_groups = "dzieci;mlodziez;rodziny",
	  .description = "Obiad w stołówce szkolnej opłacany przez GOPS. W "
		"nagłej sytuacji dyrektor szkoły może zgłosić dziecko bez "
		"wywiadu (do 20% dożywianych uczniów).",
	  .access = "Uczniowie z rodzin o dochodzie do 200% kryterium z "
		"ustawy o pomocy społecznej. Wniosek rodzica, dokumenty o "
		"dochodach.",
	  .how = "Wniosek w GOPS albo przez pedagoga szkolnego.",
	  .cost = "bezpłatnie",
	  .place = "stołówki SP Brzozowa Wola i SP Olszynka",
	  .hours = "w dni nauki szkolnej",
	  .area = GMINA, .contact = "Marta Nowak",
	  .verified = 160, .by = "mnowak" },
	{ .provider = "parafia_bw", .title = "Paczki świąteczne Caritas",
	  .kind = "activity",
	  .category = "pomoc_materialna", .sector = "kosciol",
	  .target_groups = "rodziny;seniorzy",
	  .description = "Przed Bożym Narodzeniem i Wielkanocą wolontariusze "
		"rozwożą paczki z żywnością i słodyczami dla dzieci.",
	  .access = "Rodziny i osoby samotne w trudnej sytuacji; zgłasza "
		"pracownik socjalny, pedagog, sąsiad lub sama rodzina.",
	  .how = "Zgłoszenie w kancelarii parafialnej lub u przewodniczącej "
		"Caritas do 10 grudnia.",
	  .cost = "bezpłatnie",
	  .place = "rozwożone do domów",
	  .hours = "rozwożenie w tygodniu przed świętami",
	  .waiting = "ok. 60 paczek",
	  .area = GMINA, .contact = "Bożena Kaczmarczyk",
	  .season_from = "11-20", .season_to = "12-23",
	  .verified = 4, .by = "mnowak" },
	{ .provider = "parafia_bw",
	  .title = "Punkt odzieży używanej przy parafii św. Józefa",
	  .category = "pomoc_materialna", .sector = "kosciol",
	  .target_groups = "rodziny;bezdomni;wszyscy",
	  .description = "Czysta odzież, obuwie, pościel i artykuły dla "
		"niemowląt. Przyjmujemy też dary od mieszkańców.",
	  .access = "Każdy potrzebujący; bez dokumentów.",
	  .how = "Przyjść w godzinach otwarcia.",
	  .cost = "bezpłatnie",
	  .place = "budynek przy plebanii, ul. Kościelna 1, Brzozowa Wola",
	  .hours = "soboty 10:00–12:00",
	  .area = GMINA, .contact = "Bożena Kaczmarczyk",
	  .verified = 320, .by = "mnowak" },
	{ .provider = "piekarnia",
	  .title = "Chleb dla potrzebujących z piekarni „Złoty Kłos”",
	  .category = "pomoc_materialna", .sector = "biznes",
	  .target_groups = "rodziny;seniorzy;bezdomni",
	  .description = "Niesprzedane pieczywo trafia codziennie wieczorem "
		"do świetlicy w Olszynce i lodówki społecznej; część "
		"wolontariusze rozwożą seniorom.",
	  .access = "Każdy, kto potrzebuje; bez dokumentów.",
	  .how = "Odbiór w świetlicy „Przystanek Olszynka” albo zgłoszenie "
		"seniora do rozwozu przez Fundację „Razem”.",
	  .cost = "bezpłatnie",
	  .place = "świetlica „Przystanek Olszynka”, ul. Leśna 2, Olszynka",
	  .hours = "pn–sob od 19:00",
	  .area = "Olszynka i okolice", .contact = "Roman Kubacki",
	  .verified = 66, .by = "pwisniewski" },
	{ .provider = "razem", .title = "Lodówka społeczna w Olszynce",
	  .category = "pomoc_materialna", .sector = "ngo",
	  .target_groups = "wszyscy",
	  .description = "Każdy może zostawić lub zabrać jedzenie. "
		"Zawieszona po awarii lodówki — szukamy nowego urządzenia i "
		"miejsca pod dachem.",
	  .access = "Bez warunków.",
	  .how = "—",
	  .cost = "bezpłatnie",
	  .place = "przy sklepie, ul. Leśna 4, Olszynka",
	  .hours = "—",
	  .area = "Olszynka", .contact = "Urszula Domańska",
	  .status = "suspended",
	  .verified = 47, .by = "pwisniewski" },
	{ .provider = "ug",
	  .title = "Dodatek energetyczny dla odbiorców wrażliwych",
	  .category = "pomoc_materialna", .sector = "pomoc_spoleczna",
	  .target_groups = "rodziny;seniorzy",
	  .description = "Zryczałtowana dopłata do rachunków za prąd dla "
		"osób, które mają przyznany dodatek mieszkaniowy.",
	  .access = "Osoby z przyznanym dodatkiem mieszkaniowym, które są "
		"stroną umowy z dostawcą energii. Kopia umowy kompleksowej lub "
		"umowy sprzedaży energii.",
	  .how = "Wniosek w UG (pokój 8).",
	  .cost = "bezpłatnie",
	  .place = "Urząd Gminy, ul. Główna 10, Brzozowa Wola, pokój 8",
	  .hours = "pn 8:00–17:00, wt–pt 7:30–15:30",
	  .area = GMINA, .contact = "Agnieszka Kubiak",
	  .verified = 560, .by = "akowalska" },
	{ .provider = "ug",
	  .title = "Dodatek węglowy – wnioski (zakończone)",
	  .category = "pomoc_materialna", .sector = "pomoc_spoleczna",
	  .target_groups = "rodziny;seniorzy",
	  .description = "Jednorazowy dodatek dla gospodarstw ogrzewanych "
		"węglem. Program zakończony; zostawiamy wpis w archiwum.",
	  .access = "—",
	  .how = "—",
	  .cost = "—",
	  .place = "Urząd Gminy, ul. Główna 10, Brzozowa Wola",
	  .hours = "—",
	  .area = GMINA, .contact = "Agnieszka Kubiak",
	  .status = "archived",
	  .verified = 690, .by = "akowalska" },

	/* kultura i czas wolny */
	{ .provider = "gok", .title = "Pracownia plastyczna dla dzieci w GOK",
	  .kind = "activity",
	  .category = "kultura_czas_wolny", .sector = "kultura",
	  .target_groups = "dzieci",
	  .description = "Rysunek, malarstwo, ceramika; prace dzieci "
		"pokazujemy na wystawie w czerwcu.",
	  .access = "Dzieci 6–12 lat; zapisy we wrześniu, potem na wolne "
		"miejsca.",
	  .how = "Zapis w sekretariacie GOK.",
	  .cost = "10 zł za zajęcia; dzieci z Kartą Dużej Rodziny 5 zł; "
		"wskazane przez GOPS bezpłatnie",
	  .place = "ul. Parkowa 2, Brzozowa Wola, pracownia nr 3",
	  .hours = "środy 16:00–17:30",
	  .waiting = "12 miejsc",
	  .area = GMINA, .contact = "Kinga Ziółkowska",
	  .verified = 77, .by = "mnowak" },
	{ .provider = "gok", .title = "Zespół wokalny dla młodzieży",
	  .kind = "activity",
	  .category = "kultura_czas_wolny", .sector = "kultura",
	  .target_groups = "mlodziez",
	  .description = "Próby, nagrania i koncerty na gminnych "
		"uroczystościach; dla młodzieży, która lubi śpiewać, bez "
		"przesłuchań.",
	  .access = "Młodzież 12–19 lat.",
	  .how = "Przyjść na próbę.",
	  .cost = "bezpłatnie",
	  .place = "ul. Parkowa 2, Brzozowa Wola, sala muzyczna",
	  .hours = "piątki 17:00–19:00",
	  .area = GMINA, .contact = "Kinga Ziółkowska",
	  .verified = 250, .by = "mnowak" },
	{ .provider = "gok", .title = "Kino dla seniorów w GOK",
	  .kind = "activity",
	  .category = "kultura_czas_wolny", .sector = "kultura",
	  .target_groups = "seniorzy",
	  .description = "Raz w miesiącu film i rozmowa przy herbacie; bus "
		"gminny dowozi z Olszynki i Zagórza.",
	  .access = "Seniorzy; dowóz po zgłoszeniu dzień wcześniej.",
	  .how = "Telefon do GOK.",
	  .cost = "5 zł",
	  .place = "ul. Parkowa 2, Brzozowa Wola, sala widowiskowa",
	  .hours = "ostatni czwartek miesiąca, 11:00",
	  .area = GMINA, .contact = "Kinga Ziółkowska",
	  .verified = 140, .by = "akowalska" },
	{ .provider = "gok", .title = "Półkolonie letnie w GOK",
	  .kind = "activity",
	  .category = "kultura_czas_wolny", .sector = "kultura",
	  .target_groups = "dzieci",
	  .description = "Dwa turnusy wakacyjne z wycieczkami i warsztatami. "
		"Edycja zakończona; nowe terminy podamy wiosną.",
	  .access = "Dzieci 7–12 lat.",
	  .how = "—",
	  .cost = "180 zł za turnus",
	  .place = "ul. Parkowa 2, Brzozowa Wola",
	  .hours = "—",
	  .area = GMINA, .contact = "Kinga Ziółkowska",
	  .status = "archived", .season_from = "07-06",
	  .season_to = "07-31",
	  .verified = 145, .by = "mnowak" },
	{ .provider = "biblioteka", .title = "Dyskusyjny Klub Książki",
	  .kind = "activity",
	  .category = "kultura_czas_wolny", .sector = "kultura",
	  .target_groups = "wszyscy;seniorzy",
	  .description = "Co miesiąc rozmawiamy o jednej książce; egzemplarze "
		"wypożycza biblioteka.",
	  .access = "Dorośli; bez zapisów.",
	  .how = "Przyjść na spotkanie.",
	  .cost = "bezpłatnie",
	  .place = "ul. Parkowa 2, Brzozowa Wola",
	  .hours = "pierwszy poniedziałek miesiąca, 17:00",
	  .area = GMINA, .contact = "Grażyna Szulc",
	  .verified = 420, .by = "akowalska" },
	{ .provider = "biblioteka",
	  .title = "Książka na telefon – dostarczanie książek do domu",
	  .category = "kultura_czas_wolny", .sector = "kultura",
	  .target_groups = "seniorzy;osoby_z_niepelnosprawnoscia",
	  .description = "Bibliotekarka przywozi książki, audiobooki i "
		"prasę osobom, które nie mogą przyjść do biblioteki.",
	  .access = "Seniorzy i osoby z niepełnosprawnością; wystarczy "
		"telefon.",
	  .how = "Zadzwonić i powiedzieć, co lubi się czytać.",
	  .cost = "bezpłatnie",
	  .place = "dowóz na terenie gminy",
	  .hours = "zamówienia pn–pt, dostawa w piątki",
	  .area = GMINA, .contact = "Grażyna Szulc",
	  .verified = 31, .by = "akowalska" },
	{ .provider = "kgw_zag",
	  .title = "Koło gospodyń w Zagórzu – spotkania i warsztaty",
	  .kind = "activity",
	  .category = "kultura_czas_wolny", .sector = "grupy_nieformalne",
	  .target_groups = "wszyscy;seniorzy",
	  .description = "Warsztaty kulinarne (pierogi, przetwory), "
		"rękodzieło, wspólne przygotowania do dożynek. Nowe osoby "
		"mile widziane — także panowie.",
	  .access = "Każdy mieszkaniec; bez zapisów.",
	  .how = "Przyjść na spotkanie.",
	  .cost = "bezpłatnie; czasem składka na produkty (ok. 10 zł)",
	  .place = "świetlica wiejska, ul. Lipowa 10, Zagórze",
	  .hours = "czwartki 17:00–20:00",
	  .area = "Zagórze i okolice", .contact = "Krystyna Nowakowska",
	  .verified = 62, .by = "mnowak" },
	{ .provider = "kgw_ol",
	  .title = "Kiermasz „Olszynianek” na rzecz potrzebujących",
	  .kind = "activity",
	  .category = "kultura_czas_wolny", .sector = "grupy_nieformalne",
	  .target_groups = "wszyscy",
	  .description = "Wypieki, przetwory i ozdoby świąteczne; dochód "
		"przeznaczamy na leczenie i rehabilitację dzieci z gminy.",
	  .access = "Dla wszystkich.",
	  .how = "Przyjść na kiermasz.",
	  .cost = "wstęp wolny",
	  .place = "plac przy kościele, ul. Kościelna 3, Olszynka",
	  .hours = "niedziela przed Bożym Narodzeniem, po mszach",
	  .area = "Olszynka", .contact = "Genowefa Piątek",
	  .verified = 340, .by = "pwisniewski" },
	{ .provider = "utw", .title = "Wycieczki krajoznawcze UTW",
	  .kind = "activity",
	  .category = "kultura_czas_wolny", .sector = "ngo",
	  .target_groups = "seniorzy",
	  .description = "Jednodniowe wyjazdy: Łódź (Manufaktura, teatr), "
		"Spała, Sulejów; raz w roku wyjazd kilkudniowy.",
	  .access = "Członkowie UTW; wolne miejsca dla innych seniorów.",
	  .how = "Zapis we wtorki w GOK.",
	  .cost = "zwykle 60–120 zł za wyjazd jednodniowy",
	  .place = "wyjazd sprzed GOK",
	  .hours = "raz w miesiącu",
	  .waiting = "autokar 50 miejsc",
	  .area = GMINA, .contact = "Henryka Bielecka",
	  .verified = 96, .by = "akowalska" },
	{ .provider = "parafia_ol", .title = "Chór parafialny w Olszynce",
	  .kind = "activity",
	  .category = "kultura_czas_wolny", .sector = "kosciol",
	  .target_groups = "wszyscy",
	  .description = "Chór mieszany; śpiewa na uroczystościach i "
		"koncertach kolęd. Nie trzeba znać nut.",
	  .access = "Dorośli i młodzież od 14 lat.",
	  .how = "Przyjść na próbę.",
	  .cost = "bezpłatnie",
	  .place = "salka parafialna, ul. Kościelna 3, Olszynka",
	  .hours = "środy 19:00–20:30",
	  .area = "Olszynka", .contact = "Jerzy Pawłowski",
	  .verified = 610, .by = "pwisniewski" },
	{ .provider = "osp", .title = "Młodzieżowa Drużyna Pożarnicza",
	  .kind = "activity",
	  .category = "kultura_czas_wolny", .sector = "bezpieczenstwo",
	  .target_groups = "mlodziez;dzieci",
	  .description = "Zbiórki, ćwiczenia sprawnościowe, pierwsza pomoc, "
		"zawody pożarnicze i wyjazdy na obozy.",
	  .access = "Dzieci i młodzież 12–18 lat; zgoda rodziców.",
	  .how = "Przyjść na zbiórkę z rodzicem.",
	  .cost = "bezpłatnie",
	  .place = "remiza OSP, ul. Strażacka 2, Zagórze",
	  .hours = "soboty 10:00–12:00",
	  .area = GMINA, .contact = "Sebastian Kurek",
	  .verified = 180, .by = "pwisniewski" },

	/* sport i rekreacja */
	{ .provider = "lks",
	  .title = "Piłka nożna dla dzieci i młodzieży – LKS „Brzozowianka”",
	  .kind = "activity",
	  .category = "sport", .sector = "sport",
	  .target_groups = "dzieci;mlodziez",
	  .description = "Treningi w grupach wiekowych od 6 lat, mecze w "
		"lidze okręgowej. Klub pożycza buty i stroje.",
	  .access = "Dzieci i młodzież 6–18 lat; zaświadczenie lekarskie o "
		"braku przeciwwskazań (dla grup ligowych).",
	  .how = "Przyjść na trening z rodzicem.",
	  .cost = "składka 50 zł miesięcznie; dzieci wskazane przez GOPS "
		"zwolnione",
	  .place = "stadion gminny, ul. Sportowa 1, Brzozowa Wola; zimą hala "
		"SP",
	  .hours = "pn, śr, pt 16:00–17:30 (grupy młodsze), 17:30–19:00 "
		"(starsze)",
	  .area = GMINA, .contact = "Wojciech Ciesielski",
	  .verified = 110, .by = "mnowak" },
	{ .provider = "uks",
	  .title = "Zajęcia sportowe w UKS „Orlik” – tenis stołowy i "
		   "siatkówka",
	  .kind = "activity",
	  .category = "sport", .sector = "sport",
	  .target_groups = "dzieci;mlodziez",
	  .description = "Zajęcia ogólnorozwojowe, tenis stołowy i siatkówka, "
		"wyjazdy na zawody.",
	  .access = "Uczniowie szkół z gminy; zgoda rodzica.",
	  .how = "Zapis u nauczyciela wychowania fizycznego.",
	  .cost = "bezpłatnie",
	  .place = "sala gimnastyczna SP Olszynka, ul. Szkolna 5",
	  .hours = "wt i czw 15:00–17:00",
	  .area = GMINA, .contact = "Krzysztof Mróz",
	  .verified = 270, .by = "pwisniewski" },
	{ .provider = "gcsir", .title = "Animator sportu na orliku – zajęcia "
		"otwarte",
	  .kind = "activity",
	  .category = "sport", .sector = "sport",
	  .target_groups = "dzieci;mlodziez;wszyscy",
	  .description = "Gry zespołowe, turnieje, zajęcia dla rodzin w "
		"soboty. Animator pilnuje porządku i pożycza sprzęt.",
	  .access = "Bez zapisów; dzieci do 10 lat z opiekunem.",
	  .how = "Przyjść na boisko.",
	  .cost = "bezpłatnie",
	  .place = "boisko „Orlik”, ul. Sportowa 1, Brzozowa Wola",
	  .hours = "od kwietnia do października: pn–pt 15:00–21:00, sob "
		"10:00–16:00",
	  .area = GMINA, .contact = "Arkadiusz Sobczak",
	  .verified = 177, .by = "mnowak" },
	{ .provider = "gcsir",
	  .title = "Siłownia plenerowa i boisko wielofunkcyjne",
	  .category = "sport", .sector = "sport",
	  .target_groups = "wszyscy;seniorzy",
	  .description = "Urządzenia do ćwiczeń na świeżym powietrzu, "
		"także dla seniorów, przy stadionie i w parku.",
	  .access = "Dla wszystkich; dzieci pod opieką dorosłych.",
	  .how = "Wejść — obiekty otwarte.",
	  .cost = "bezpłatnie",
	  .place = "ul. Sportowa 1 i park przy GOK, Brzozowa Wola",
	  .hours = "codziennie 7:00–22:00",
	  .area = GMINA, .contact = "Arkadiusz Sobczak",
	  .verified = 400, .by = "mnowak" },
	{ .provider = "lks",
	  .title = "Boccia dla osób z niepełnosprawnościami",
	  .kind = "activity",
	  .category = "sport", .sector = "sport",
	  .target_groups = "osoby_z_niepelnosprawnoscia;seniorzy",
	  .description = "Treningi boccii — gry dla osób poruszających się "
		"na wózkach i z ograniczoną sprawnością; udział w turniejach "
		"wojewódzkich.",
	  .access = "Osoby z niepełnosprawnością ruchową lub intelektualną, "
		"także uczestnicy ŚDS; seniorzy.",
	  .how = "Telefon do trenera; dowóz można uzgodnić z „Krok Dalej”.",
	  .cost = "bezpłatnie",
	  .place = "hala SP Brzozowa Wola, ul. Szkolna 1",
	  .hours = "soboty 10:00–12:00",
	  .area = GMINA, .contact = "Wojciech Ciesielski",
	  .verified = 34, .by = "akowalska" },
	{ .provider = "sp_bw", .title = "Nauka pływania dla uczniów klas 1–3",
	  .kind = "activity",
	  .category = "sport", .sector = "edukacja",
	  .target_groups = "dzieci",
	  .description = "20 lekcji na basenie w Wierzbniku z dowozem "
		"autobusem szkolnym. Zawieszone na czas remontu basenu.",
	  .access = "Uczniowie klas 1–3 szkół z gminy; zgoda rodzica.",
	  .how = "Zgłoszenie u wychowawcy.",
	  .cost = "bezpłatnie",
	  .place = "kryta pływalnia w Wierzbniku",
	  .hours = "—",
	  .area = GMINA, .contact = "Paweł Kaczmarek",
	  .status = "suspended",
	  .verified = 70, .by = "mnowak" },
	{ .provider = "utw", .title = "Nordic walking z UTW",
	  .kind = "activity",
	  .category = "sport", .sector = "ngo",
	  .target_groups = "seniorzy;wszyscy",
	  .description = "Marsze z kijkami po okolicznych lasach z "
		"instruktorką; kijki można pożyczyć.",
	  .access = "Dorośli w każdym wieku; warto skonsultować z lekarzem "
		"przy chorobach serca.",
	  .how = "Przyjść na zbiórkę.",
	  .cost = "bezpłatnie",
	  .place = "zbiórka przy GOK, ul. Parkowa 2, Brzozowa Wola",
	  .hours = "poniedziałki i czwartki 9:00",
	  .area = GMINA, .contact = "Henryka Bielecka",
	  .verified = 175, .by = "akowalska" },
	{ .provider = "sp_ol",
	  .title = "Szkolny Klub Sportowy w SP Olszynka",
	  .kind = "activity",
	  .category = "sport", .sector = "sport",
	  .target_groups = "dzieci;mlodziez",
	  .description = "Dodatkowe zajęcia ruchowe po lekcjach w ramach "
		"programu „Szkolny Klub Sportowy”.",
	  .access = "Uczniowie SP Olszynka.",
	  .how = "Zapis u nauczyciela wychowania fizycznego.",
	  .cost = "bezpłatnie",
	  .place = "ul. Szkolna 5, Olszynka",
	  .hours = "pn i śr 14:30–16:00",
	  .area = "Olszynka", .contact = "Renata Górska",
	  .verified = 455, .by = "pwisniewski" },

	/* transport i dowóz */
	{ .provider = "trans",
	  .title = "Dowóz osób z niepełnosprawnością na rehabilitację i do "
		   "lekarza",
	  .category = "transport", .sector = "biznes",
	  .target_groups = "osoby_z_niepelnosprawnoscia;seniorzy",
	  .description = "Bus z windą zawozi na rehabilitację, dializy, do "
		"specjalistów w Wierzbniku i Łodzi; kierowca pomaga wsiąść i "
		"wysiąść.",
	  .access = "Osoby z orzeczeniem o niepełnosprawności lub seniorzy "
		"75+ z trudnościami w poruszaniu się, mieszkańcy gminy. "
		"Zgłoszenie z co najmniej 3-dniowym wyprzedzeniem; przy "
		"pierwszym przejeździe kopia orzeczenia.",
	  .how = "Telefon do przewoźnika lub przez GOPS.",
	  .cost = "10 zł za kurs w obrębie powiatu, 30 zł do Łodzi; osoby w "
		"trudnej sytuacji — dopłata GOPS",
	  .place = "odbiór spod domu",
	  .hours = "pn–pt 7:00–17:00",
	  .waiting = "zgłoszenie 3 dni wcześniej",
	  .area = GMINA, .contact = "Jan Sikora",
	  .verified = 13, .by = "akowalska" },
	{ .provider = "gops",
	  .title = "Taksówka dla seniora – dowóz do lekarza i urzędu",
	  .category = "transport", .sector = "pomoc_spoleczna",
	  .target_groups = "seniorzy",
	  .description = "Przejazd na wizytę lekarską, szczepienie, do urzędu "
		"lub banku w obrębie gminy i do Wierzbnika; realizuje "
		"„Trans-Wola”.",
	  .access = "Osoby 70+ mieszkające w gminie; dwa przejazdy w "
		"miesiącu. Bez skierowania.",
	  .how = "Zamówienie w GOPS najpóźniej dzień wcześniej do 14:00.",
	  .cost = "5 zł za kurs",
	  .place = "odbiór spod domu",
	  .hours = "pn–pt 8:00–15:00",
	  .area = GMINA, .contact = "Piotr Wiśniewski",
	  .verified = 57, .by = "pwisniewski" },
	{ .provider = "ug",
	  .title = "Dowóz dzieci z niepełnosprawnością do szkoły i przedszkola",
	  .category = "transport", .sector = "edukacja",
	  .target_groups = "dzieci;osoby_z_niepelnosprawnoscia;rodzice",
	  .description = "Bezpłatny dowóz z opiekunem do najbliższej szkoły "
		"lub przedszkola, także specjalnego w Wierzbniku, albo zwrot "
		"kosztów dowozu własnym autem.",
	  .access = "Dzieci z orzeczeniem o potrzebie kształcenia "
		"specjalnego. Wniosek rodzica i kopia orzeczenia.",
	  .how = "Wniosek w UG przed rozpoczęciem roku szkolnego (w ciągu "
		"roku — gdy pojawi się potrzeba).",
	  .cost = "bezpłatnie",
	  .place = "odbiór spod domu",
	  .hours = "w dni nauki szkolnej",
	  .area = GMINA, .contact = "Tomasz Wróbel",
	  .verified = 380, .by = "mnowak" },
	{ .provider = "ug",
	  .title = "Gminna linia autobusowa Brzozowa Wola – Olszynka – "
		   "Wierzbnik",
	  .category = "transport", .sector = "pomoc_spoleczna",
	  .target_groups = "wszyscy",
	  .description = "Sześć kursów dziennie w dni robocze, dwa w soboty. "
		"Przystanki przy ośrodku zdrowia, GOPS i PUP.",
	  .access = "Dla wszystkich; seniorzy 70+ i uczniowie z ulgą.",
	  .how = "Bilet u kierowcy; rozkład na stronie gminy i na "
		"przystankach.",
	  .cost = "bilet 4 zł, ulgowy 2 zł; miesięczny 80 zł",
	  .place = "przystanki w gminie i dworzec w Wierzbniku",
	  .hours = "pn–pt 5:40–19:10, sob 7:00–15:00",
	  .area = GMINA, .contact = "Tomasz Wróbel",
	  .verified = 235, .by = "mnowak" },
	{ .provider = "sds", .title = "Dowóz uczestników ŚDS",
	  .category = "transport", .sector = "pomoc_spoleczna",
	  .target_groups = "osoby_z_niepelnosprawnoscia",
	  .description = "Bus z windą przywozi uczestników rano i odwozi po "
		"zajęciach.",
	  .access = "Uczestnicy ŚDS, którzy nie mogą dojechać sami.",
	  .how = "Ustalenie z kierownikiem ŚDS przy przyjęciu.",
	  .cost = "bezpłatnie",
	  .place = "odbiór spod domu",
	  .hours = "pn–pt ok. 7:30 i 15:00",
	  .area = GMINA, .contact = "Dorota Lis",
	  .verified = 38, .by = "akowalska" },
	{ .provider = "krok",
	  .title = "Przewóz osób na wózkach busem stowarzyszenia",
	  .category = "transport", .sector = "ngo",
	  .target_groups = "osoby_z_niepelnosprawnoscia",
	  .description = "Przejazdy na wydarzenia, turnusy, do urzędów "
		"i na zakupy, z kierowcą-wolontariuszem.",
	  .access = "Członkowie stowarzyszenia i osoby zgłoszone przez "
		"GOPS; zgłoszenie tydzień wcześniej.",
	  .how = "Telefon do biura stowarzyszenia.",
	  .cost = "zwrot kosztów paliwa (ok. 1 zł za km)",
	  .place = "odbiór spod domu",
	  .hours = "po uzgodnieniu",
	  .area = POWIAT, .contact = "Elżbieta Rutkowska",
	  .verified = 305, .by = "akowalska" },

	/* integracja społeczna i wolontariat */
	{ .provider = "razem",
	  .title = "Wolontariat w Fundacji „Razem w Olszynce”",
	  .kind = "activity",
	  .category = "integracja", .sector = "ngo",
	  .target_groups = "wszyscy;mlodziez;seniorzy",
	  .description = "Pomoc w świetlicy, korepetycje, odbiór pieczywa, "
		"odwiedziny seniorów, pomoc przy festynach. Szkolenie i "
		"porozumienie wolontariackie na start.",
	  .access = "Osoby od 13 lat (niepełnoletnie za zgodą rodzica).",
	  .how = "Zgłoszenie do koordynatorki wolontariatu.",
	  .cost = "bezpłatnie",
	  .place = "ul. Leśna 2, Olszynka",
	  .hours = "wg grafiku wolontariusza",
	  .area = GMINA, .contact = "Julia Marczak",
	  .verified = 26, .by = "pwisniewski" },
	{ .provider = "iskra", .title = "Klub Wolontariatu „Iskra”",
	  .kind = "activity",
	  .category = "integracja", .sector = "ngo",
	  .target_groups = "mlodziez",
	  .description = "Młodzież organizuje zbiórki, pomaga przy "
		"wydarzeniach GOK i w Dziennym Domu „Senior+”. Zaświadczenie "
		"o wolontariacie przydaje się przy rekrutacji do szkół.",
	  .access = "Młodzież 13–19 lat; zgoda rodzica.",
	  .how = "Przyjść na spotkanie klubu.",
	  .cost = "bezpłatnie",
	  .place = "GOK, ul. Parkowa 2, Brzozowa Wola, pokój 5",
	  .hours = "spotkania w poniedziałki 17:00",
	  .area = GMINA, .contact = "Zuzanna Leśniak",
	  .verified = 190, .by = "mnowak" },
	{ .provider = "gops",
	  .title = "Animacja społeczności lokalnej w Dębowej Górze",
	  .kind = "activity",
	  .category = "integracja", .sector = "pomoc_spoleczna",
	  .target_groups = "wszyscy",
	  .description = "Spotkania mieszkańców sołectwa, wspólne "
		"planowanie (plac zabaw, sprzątanie świetlicy, wieczory "
		"sąsiedzkie). Prowadzi pracownik socjalny z instruktorem GOK.",
	  .access = "Mieszkańcy Dębowej Góry; bez zapisów.",
	  .how = "Przyjść na spotkanie; ogłoszenia na tablicy sołeckiej.",
	  .cost = "bezpłatnie",
	  .place = "świetlica wiejska, ul. Dębowa 4, Dębowa Góra",
	  .hours = "co drugi wtorek, 18:00",
	  .area = "Dębowa Góra", .contact = "Piotr Wiśniewski",
	  .verified = 43, .by = "pwisniewski" },
	{ .provider = "wspolny_dom",
	  .title = "Spotkania integracyjne dla rodzin z Ukrainy i mieszkańców "
		   "gminy",
	  .kind = "activity",
	  .category = "integracja", .sector = "ngo",
	  .target_groups = "cudzoziemcy;rodziny",
	  .description = "Wspólne gotowanie, zabawy dla dzieci, dyżur "
		"doradczyni z Łodzi w sprawach urzędowych.",
	  .access = "Rodziny cudzoziemców i wszyscy chętni mieszkańcy.",
	  .how = "Przyjść; informacja w bibliotece i na grupie w "
		"komunikatorze.",
	  .cost = "bezpłatnie",
	  .place = "filia biblioteki, ul. Szkolna 5, Olszynka",
	  .hours = "trzecia sobota miesiąca, 12:00–15:00",
	  .area = GMINA, .contact = "Tomasz Fijałkowski",
	  .verified = 250, .by = "pwisniewski" },
	{ .provider = "utw",
	  .title = "Wolontariat seniorów – czytanie dzieciom w przedszkolu",
	  .kind = "activity",
	  .category = "integracja", .sector = "ngo",
	  .target_groups = "seniorzy;dzieci",
	  .description = "Seniorzy z UTW czytają bajki w przedszkolu i "
		"świetlicy; spotkania pokoleń przy okazji świąt.",
	  .access = "Seniorzy chętni do wolontariatu.",
	  .how = "Zgłoszenie u przewodniczącej UTW.",
	  .cost = "bezpłatnie",
	  .place = "przedszkole „Słoneczko”, świetlica w Olszynce",
	  .hours = "czwartki 10:00",
	  .area = GMINA, .contact = "Henryka Bielecka",
	  .verified = 520, .by = "akowalska" },
	{ .provider = "parafia_bw",
	  .title = "Odwiedziny osób samotnych i chorych (wolontariat Caritas)",
	  .kind = "activity",
	  .category = "integracja", .sector = "kosciol",
	  .target_groups = "seniorzy;osoby_z_niepelnosprawnoscia",
	  .description = "Wolontariusze odwiedzają osoby samotne w domu, "
		"rozmawiają, czytają, pomagają w drobnych sprawach.",
	  .access = "Osoby samotne i chore, niezależnie od wyznania; "
		"zgłoszenie przez rodzinę, sąsiadów lub GOPS.",
	  .how = "Telefon do przewodniczącej Caritas.",
	  .cost = "bezpłatnie",
	  .place = "w domu",
	  .hours = "wg ustaleń",
	  .area = GMINA, .contact = "Bożena Kaczmarczyk",
	  .verified = 275, .by = "mnowak" },
	{ .provider = "gok",
	  .title = "Festyn rodzinny „Dni Brzozowej Woli”",
	  .kind = "activity",
	  .category = "integracja", .sector = "kultura",
	  .target_groups = "wszyscy;rodziny",
	  .description = "Koncerty, stoiska partnerów (także stoisko koszyka "
		"usług GOPS), pokazy OSP i policji, konkurencje dla dzieci.",
	  .access = "Dla wszystkich.",
	  .how = "Przyjść; partnerzy zgłaszają stoiska do GOK do końca maja.",
	  .cost = "wstęp wolny",
	  .place = "park przy GOK, ul. Parkowa 2, Brzozowa Wola",
	  .hours = "ostatnia sobota czerwca, od 14:00",
	  .area = GMINA, .contact = "Kinga Ziółkowska",
	  .verified = 160, .by = "akowalska" },
	{ .provider = "sm",
	  .title = "Świetlica osiedlowa – spotkania sąsiedzkie",
	  .kind = "activity",
	  .category = "integracja", .sector = "mieszkalnictwo",
	  .target_groups = "wszyscy;seniorzy",
	  .description = "Sala na spotkania mieszkańców, klub seniora i "
		"zebrania; można ją wypożyczyć na inicjatywy sąsiedzkie.",
	  .access = "Mieszkańcy osiedla i partnerzy partnerstwa.",
	  .how = "Rezerwacja w biurze spółdzielni.",
	  .cost = "bezpłatnie dla inicjatyw niekomercyjnych",
	  .place = "ul. Osiedlowa 4, Brzozowa Wola (parter)",
	  .hours = "po rezerwacji",
	  .area = "osiedle „Przyszłość”, Brzozowa Wola",
	  .contact = "Ireneusz Kalisz",
	  .verified = 590, .by = "mnowak" },
	{ .provider = "senior",
	  .title = "Klub seniora „Pod Lipami” przy Dziennym Domu",
	  .kind = "activity",
	  .category = "integracja", .sector = "pomoc_spoleczna",
	  .target_groups = "seniorzy",
	  .description = "Popołudniowe spotkania dla seniorów, którzy nie "
		"potrzebują dziennego pobytu: gry, śpiew, rozmowy, "
		"wieczorki taneczne.",
	  .access = "Osoby 60+; bez decyzji i bez zapisów.",
	  .how = "Przyjść.",
	  .cost = "bezpłatnie; herbata i ciasto składkowe",
	  .place = "ul. Lipowa 8, Zagórze",
	  .hours = "wtorki 16:00–19:00",
	  .area = GMINA, .contact = "Halina Czerwińska",
	  .verified = NEVER, .by = NULL },
};

/* --- checks -------------------------------------------------------------- */

static bool code_known(const struct kz_items *items, const char *code,
		       size_t len)
{
	for (size_t i = 0; i < items->n; i++) {
		const char *c = items->v[i].code;
		if (c && strlen(c) == len && strncmp(c, code, len) == 0)
			return true;
	}
	return false;
}

/* Every code of a ';'-separated list is configured; *bad points at the
 * first one that is not. */
static bool codes_known(const struct kz_items *items, const char *codes,
			const char **bad)
{
	const char *p = codes;

	while (p && *p) {
		size_t len = strcspn(p, ";");
		if (!code_known(items, p, len)) {
			*bad = p;
			return false;
		}
		p += len;
		if (*p == ';')
			p++;
	}
	return true;
}

static enum kz_status unknown_code(const char *record, const char *what,
				   const char *code, struct kz_error *err)
{
	int len = (int)strcspn(code, ";");

	return kz_fail(err, KZ_INVALID,
		       _("The demo data needs the %s code \"%.*s\" (used by "
			 "\"%s\"), but the configuration does not define it. "
			 "Create the demo with the example configuration."),
		       what, len, code, record);
}

/* The demo uses the codes and logins of the example configuration; a
 * different configuration would leave records with codes nobody can read,
 * so refuse before writing anything. */
static enum kz_status check_config(const struct kz_config *cfg,
				   struct kz_error *err)
{
	const char *bad = NULL;

	for (size_t i = 0; i < COUNT(demo_partners); i++) {
		const struct demo_partner *p = &demo_partners[i];
		if (!codes_known(&cfg->partner_kinds, p->kind, &bad))
			return unknown_code(p->name, _("partner kind"), bad,
					    err);
		if (!codes_known(&cfg->sectors, p->sectors, &bad))
			return unknown_code(p->name, _("sector"), bad, err);
	}
	for (size_t i = 0; i < COUNT(demo_services); i++) {
		const struct demo_service *s = &demo_services[i];
		if (!codes_known(&cfg->categories, s->category, &bad))
			return unknown_code(s->title, _("category"), bad, err);
		if (!codes_known(&cfg->sectors, s->sector, &bad))
			return unknown_code(s->title, _("sector"), bad, err);
		if (!codes_known(&cfg->target_groups, s->target_groups, &bad))
			return unknown_code(s->title, _("target group"), bad,
					    err);
		if (s->by && !kz_config_user(cfg, s->by))
			return kz_fail(err, KZ_INVALID,
				       _("The demo data needs the user \"%s\", "
					 "but the configuration does not "
					 "define it. Create the demo with the "
					 "example configuration."),
				       s->by);
	}
	return KZ_OK;
}

static enum kz_status check_empty(struct kz_db *db, struct kz_error *err)
{
	struct kz_db_counts counts;
	enum kz_status st = kz_db_counts(db, &counts, err);

	if (st != KZ_OK)
		return st;
	if (counts.partners || counts.contacts || counts.services)
		return kz_fail(err, KZ_INVALID,
			       _("The database %s already holds records. The "
				 "demo fills only a new, empty database."),
			       kz_db_path(db));
	return KZ_OK;
}

/* --- lookups in the tables ----------------------------------------------- */

static long find_partner(const char *key)
{
	for (size_t i = 0; i < COUNT(demo_partners); i++)
		if (strcmp(demo_partners[i].key, key) == 0)
			return (long)i;
	return -1;
}

static long find_contact(const char *partner, const char *name)
{
	for (size_t i = 0; i < COUNT(demo_contacts); i++)
		if (strcmp(demo_contacts[i].partner, partner) == 0 &&
		    strcmp(demo_contacts[i].name, name) == 0)
			return (long)i;
	return -1;
}

/* --- storing ------------------------------------------------------------- */

typedef char demo_id[KZ_ID_LEN + 1];

static enum kz_status save_partners(struct kz_db *db, demo_id *ids,
				    struct kz_error *err)
{
	for (size_t i = 0; i < COUNT(demo_partners); i++) {
		const struct demo_partner *d = &demo_partners[i];
		struct kz_partner p;
		enum kz_status st;

		memset(&p, 0, sizeof(p));
		p.name = xstrdup_or_null(d->name);
		p.short_name = xstrdup_or_null(d->short_name);
		p.kind = xstrdup_or_null(d->kind);
		p.sectors = xstrdup_or_null(d->sectors);
		p.address = xstrdup_or_null(d->address);
		p.phone = xstrdup_or_null(d->phone);
		p.email = xstrdup_or_null(d->email);
		p.website = xstrdup_or_null(d->website);
		p.status = xstrdup_or_null(d->status);
		p.declaration_date = xstrdup_or_null(d->declaration_date);
		p.role = xstrdup_or_null(d->role);
		p.resources = xstrdup_or_null(d->resources);
		p.notes = xstrdup_or_null(d->notes);
		st = kz_partner_save(db, &p, err);
		if (st == KZ_OK)
			memcpy(ids[i], p.id, sizeof(ids[i]));
		else
			kz_error_prefix(err, _("demo partner \"%s\": "),
					d->name);
		kz_partner_clear(&p);
		if (st != KZ_OK)
			return st;
	}
	return KZ_OK;
}

static enum kz_status save_contacts(struct kz_db *db,
				    const demo_id *partner_ids, demo_id *ids,
				    struct kz_error *err)
{
	for (size_t i = 0; i < COUNT(demo_contacts); i++) {
		const struct demo_contact *d = &demo_contacts[i];
		long partner = find_partner(d->partner);
		struct kz_contact c;
		enum kz_status st;

		if (partner < 0)
			return kz_fail(err, KZ_INVALID,
				       _("demo contact \"%s\": no demo partner "
					 "\"%s\""), d->name, d->partner);
		memset(&c, 0, sizeof(c));
		c.partner_id = xstrdup(partner_ids[partner]);
		c.name = xstrdup_or_null(d->name);
		c.position = xstrdup_or_null(d->position);
		c.phone = xstrdup_or_null(d->phone);
		c.email = xstrdup_or_null(d->email);
		c.reachable = xstrdup_or_null(d->reachable);
		c.notes = xstrdup_or_null(d->notes);
		st = kz_contact_save(db, &c, err);
		if (st == KZ_OK)
			memcpy(ids[i], c.id, sizeof(ids[i]));
		else
			kz_error_prefix(err, _("demo contact \"%s\": "),
					d->name);
		kz_contact_clear(&c);
		if (st != KZ_OK)
			return st;
	}
	return KZ_OK;
}

/* today + days, or NULL when days is 0 (no date). */
static char *date_from_today(const char *today, int days)
{
	char out[11];

	if (days == 0)
		return NULL;
	kz_date_add_days(today, days, out);
	return xstrdup(out);
}

/* The dates of a yearly period ("MM-DD" to "MM-DD", possibly across New
 * Year): the current or next one that has not ended yet, or for archived
 * entries the last one that has. */
static void season_dates(const char *today, const char *from, const char *to,
			 bool past, char **out_from, char **out_to)
{
	int year = (int)strtol(today, NULL, 10);
	bool wraps = strcmp(to, from) < 0;
	char start[16], end[16];
	bool found = false;

	for (int y = year - 2; y <= year + 1; y++) {
		char s[16], e[16];
		bool ended;

		snprintf(s, sizeof(s), "%04d-%s", y, from);
		snprintf(e, sizeof(e), "%04d-%s", wraps ? y + 1 : y, to);
		ended = strcmp(e, today) < 0;
		if (past ? ended : (!ended && !found)) {
			memcpy(start, s, sizeof(s));
			memcpy(end, e, sizeof(e));
			found = true;
		}
	}
	*out_from = found ? xstrdup(start) : NULL;
	*out_to = found ? xstrdup(end) : NULL;
}

/* Fill s from the table row d; ids of its provider and contact are looked
 * up among the records saved before. */
static enum kz_status build_service(const struct demo_service *d,
				    const demo_id *partner_ids,
				    const demo_id *contact_ids,
				    const char *today, struct kz_service *s,
				    struct kz_error *err)
{
	long provider = find_partner(d->provider);
	long contact = -1;

	if (provider < 0)
		return kz_fail(err, KZ_INVALID,
			       _("demo service \"%s\": no demo partner \"%s\""),
			       d->title, d->provider);
	if (d->contact) {
		contact = find_contact(d->provider, d->contact);
		if (contact < 0)
			return kz_fail(err, KZ_INVALID,
				       _("demo service \"%s\": \"%s\" is not a "
					 "contact person of \"%s\""),
				       d->title, d->contact, d->provider);
	}
	memset(s, 0, sizeof(*s));
	s->title = xstrdup(d->title);
	s->kind = xstrdup(d->kind ? d->kind : "service");
	s->description = xstrdup_or_null(d->description);
	s->provider_id = xstrdup(partner_ids[provider]);
	s->category = xstrdup_or_null(d->category);
	s->sector = xstrdup_or_null(d->sector);
	s->target_groups = xstrdup_or_null(d->target_groups);
	s->access_conditions = xstrdup_or_null(d->access);
	s->how_to_get = xstrdup_or_null(d->how);
	s->cost = xstrdup_or_null(d->cost);
	s->place = xstrdup_or_null(d->place);
	s->hours = xstrdup_or_null(d->hours);
	s->waiting_time = xstrdup_or_null(d->waiting);
	s->area = xstrdup_or_null(d->area);
	s->contact_id = contact >= 0 ? xstrdup(contact_ids[contact]) : NULL;
	s->contact_text = xstrdup_or_null(d->contact_text);
	s->status = xstrdup(d->status ? d->status : "active");
	if (d->season_from) {
		season_dates(today, d->season_from, d->season_to,
			     kz_str_eq(d->status, "archived"), &s->valid_from,
			     &s->valid_to);
	} else {
		s->valid_from = date_from_today(today, d->valid_from);
		s->valid_to = date_from_today(today, d->valid_to);
	}
	if (d->verified != NEVER) {
		s->verified_on = date_from_today(today, -d->verified);
		if (!s->verified_on) /* verified today */
			s->verified_on = xstrdup(today);
		s->verified_by = xstrdup_or_null(d->by);
	}
	return KZ_OK;
}

static enum kz_status save_services(struct kz_db *db,
				    const demo_id *partner_ids,
				    const demo_id *contact_ids,
				    struct kz_error *err)
{
	char today[11];

	kz_today(today);
	for (size_t i = 0; i < COUNT(demo_services); i++) {
		const struct demo_service *d = &demo_services[i];
		struct kz_service s;
		enum kz_status st;

		st = build_service(d, partner_ids, contact_ids, today, &s,
				   err);
		if (st != KZ_OK)
			return st;
		st = kz_service_save(db, &s, err);
		if (st != KZ_OK)
			kz_error_prefix(err, _("demo service \"%s\": "),
					d->title);
		kz_service_clear(&s);
		if (st != KZ_OK)
			return st;
	}
	return KZ_OK;
}

/* The login the demo records are written by: the first coordinator of the
 * configuration (the network worker), else its first user. */
static const char *demo_author(const struct kz_config *cfg)
{
	for (size_t i = 0; i < cfg->n_users; i++)
		if (cfg->users[i].role == KZ_ROLE_COORDINATOR)
			return cfg->users[i].login;
	return cfg->n_users ? cfg->users[0].login : NULL;
}

static enum kz_status fill(struct kz_db *db, struct kz_error *err)
{
	demo_id *partner_ids = xcalloc(COUNT(demo_partners), sizeof(demo_id));
	demo_id *contact_ids = xcalloc(COUNT(demo_contacts), sizeof(demo_id));
	enum kz_status st;

	st = save_partners(db, partner_ids, err);
	if (st == KZ_OK)
		st = save_contacts(db, (const demo_id *)partner_ids,
				   contact_ids, err);
	if (st == KZ_OK)
		st = save_services(db, (const demo_id *)partner_ids,
				   (const demo_id *)contact_ids, err);
	free(partner_ids);
	free(contact_ids);
	return st;
}

enum kz_status kz_demo_fill(struct kz_db *db, const struct kz_config *cfg,
			    struct kz_error *err)
{
	const char *author = demo_author(cfg);
	char *previous = xstrdup_or_null(kz_db_user(db));
	int system = kz_db_system_begin(db);
	enum kz_status st;

	/* The program writes the fictional gmina itself, whoever runs it. */
	st = check_config(cfg, err);
	if (st != KZ_OK)
		goto out;
	st = kz_db_begin(db, err);
	if (st != KZ_OK)
		goto out;
	st = check_empty(db, err);
	if (st == KZ_OK)
		st = kz_db_mark_demo(db, err);
	if (st == KZ_OK) {
		if (author)
			kz_db_set_user(db, author);
		st = fill(db, err);
		if (st == KZ_OK)
			st = kz_demo_cases_fill(db, cfg, err);
		if (st == KZ_OK)
			st = kz_demo_meetings_fill(db, cfg, err);
	}
	if (st == KZ_OK)
		st = kz_db_commit(db, err);
	if (st != KZ_OK)
		kz_db_rollback(db);
	if (author && previous)
		kz_db_set_user(db, previous);
out:
	kz_db_system_end(db, system);
	free(previous);
	return st;
}
