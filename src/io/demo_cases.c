/* The demo cases: families and persons of the fictional Gmina Brzozowa
 * Wola with their individual support plans, written as the GOPS social
 * workers would write them. Every person is invented; household members
 * are kept by role and year of birth (ages below), the few names are
 * clearly fictional.
 *
 * The cases come in every state: new (no plan yet, or a draft), active
 * with approved plans and some overdue actions, under review (recent
 * reviews with progress per goal) and closed (some of them so long ago
 * that they are past the retention period). Every date is given in days
 * relative to today (0 = no date), so the mix of overdue actions, reviews
 * due this week and expiring plans is the same whenever the demo runs.
 * Services are picked from the demo basket by the beginning of their
 * title, contact persons by name. */
#include "koszyk/demo.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/basket.h"
#include "koszyk/cases.h"
#include "koszyk/i18n.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_MEMBERS 6
#define MAX_TEAM 4
#define MAX_DIAG 4
#define MAX_GOALS 4
#define MAX_ACTIONS 6
#define MAX_REVIEWS 2

/* Logins of the example configuration. */
#define NOWAK "mnowak"
#define WISNIEWSKI "pwisniewski"
#define KOWALSKA "akowalska"

#define ASYSTENT "asystent rodziny – ustawa o wspieraniu rodziny i " \
	"systemie pieczy zastępczej"
#define NK "procedura Niebieskiej Karty"

struct demo_member {
	const char *role;
	int age;                 /* years; birth year = this year - age */
	const char *name;        /* optional, fictional */
};

struct demo_team {
	const char *partner;     /* short name of a demo partner */
	const char *contact;     /* name of its contact person */
	const char *role;        /* in the case */
};

struct demo_diag {
	const char *area;        /* need area code */
	const char *situation, *needs, *strengths, *view;
};

struct demo_goal {
	const char *what, *indicator;
	int target;              /* days from today */
	const char *priority, *status;
};

struct demo_action {
	int goal;                /* 1-based index of the goal, 0 = none */
	const char *service;     /* beginning of a basket title, or NULL */
	const char *text;        /* free text when no service */
	const char *partner;     /* responsible partner (short name) */
	const char *contact;     /* responsible person of that partner */
	const char *commitment;  /* the family's own */
	int referral;            /* days; a referral by the case manager */
	const char *answer;
	int answered;
	int start, due;
	const char *status;
};

struct demo_review {
	int date, next;
	const char *participants, *notes;
	const char *progress[MAX_GOALS];   /* per goal, in goal order */
	const char *status[MAX_GOALS];
};

struct demo_case {
	int seq;                 /* 0: the next code; else R/<year opened>/seq */
	const char *status, *manager;
	const char *basis, *basis_note;
	int consent;
	const char *scope;
	int opened, closed;
	const char *notes;       /* internal */
	struct demo_member members[MAX_MEMBERS];
	struct demo_team team[MAX_TEAM];
	const char *plan;        /* draft | approved | closed; NULL: no plan */
	int plan_from, approved;
	const char *summary;     /* closing summary */
	struct demo_diag diag[MAX_DIAG];
	struct demo_goal goals[MAX_GOALS];
	struct demo_action actions[MAX_ACTIONS];
	struct demo_review reviews[MAX_REVIEWS];
};

/* --- the cases ----------------------------------------------------------- */

static const struct demo_case demo_cases[] = {
	/* 1. Active: a mother alone with two children, rent arrears. */
	{ .status = "active", .manager = NOWAK, .basis = "consent",
	  .consent = -118, .scope = "Przetwarzanie danych rodziny w GOPS i "
	  "przekazywanie ich członkom zespołu (PUP, szkoła, ZGM) w zakresie "
	  "potrzebnym do realizacji planu.",
	  .opened = -120,
	  .notes = "Pani zgłosiła się sama po wezwaniu z ZGM do zapłaty. "
		   "Były partner nie płaci alimentów – sprawa w funduszu "
		   "alimentacyjnym. Nie poruszać przy dzieciach.",
	  .members = { { "matka", 34, "Ewa Przykładowa" },
		       { "córka", 11, "Ola Przykładowa" },
		       { "syn", 6, "Kuba Przykładowy" } },
	  .team = { { "ZGM Brzozowa Wola", "Wanda Jaworska",
		      "zadłużenie czynszowe, porozumienie o spłacie" },
		    { "PUP Wierzbnik", "Michał Jankowski", "doradca klienta" },
		    { "SP Brzozowa Wola", "Magdalena Sowa",
		      "pedagog szkolny córki" } },
	  .plan = "approved", .plan_from = -100, .approved = -95,
	  .diag = {
		{ "dochod",
		  "Pani A. samotnie wychowuje dwoje dzieci. Utrzymuje się z "
		  "zasiłku rodzinnego, świadczenia wychowawczego i prac "
		  "dorywczych. Zaległość w czynszu wynosi ok. 4 800 zł.",
		  "Uregulowanie zaległości, stały dochód, pomoc w "
		  "opłaceniu opału na zimę.",
		  "Pani dobrze planuje wydatki na jedzenie, prowadzi zeszyt "
		  "wydatków. Pomaga jej siostra mieszkająca w Olszynce.",
		  "„Nie chcę, żeby nas wyrzucili. Jak będę miała stałą "
		  "pracę, to wszystko spłacę.”" },
		{ "praca",
		  "Pani ma wykształcenie zawodowe (sprzedawca), ostatnio "
		  "pracowała w sklepie 3 lata temu. Nie jest zarejestrowana "
		  "w PUP.",
		  "Praca w godzinach, które pozwolą odebrać syna z "
		  "przedszkola; ewentualnie kurs zawodowy.",
		  "Doświadczenie w handlu, prawo jazdy kat. B, chęć do "
		  "pracy.",
		  "„Chętnie pójdę do pracy, ale do 15:00, bo mały kończy "
		  "o 16:00.”" },
		{ "opieka_nad_dziecmi",
		  "Córka (11 lat) ma zaległości z matematyki, syn (6 lat) "
		  "chodzi do zerówki. Dzieci są zadbane, mama z nimi "
		  "rozmawia.",
		  "Pomoc w nauce dla córki, opieka nad synem po południu, "
		  "gdy mama podejmie pracę.",
		  "Dobra więź mamy z dziećmi, córka lubi rysować.",
		  "„Córka płacze nad matematyką, ja już nie umiem jej "
		  "pomóc.”" } },
	  .goals = {
		{ "Rodzina spłaca zaległość czynszową według porozumienia "
		  "z ZGM i nie traci mieszkania.",
		  "Podpisane porozumienie; co miesiąc wpłacona rata i "
		  "bieżący czynsz.", 200, "high", "open" },
		{ "Pani A. podejmuje stałą pracę.",
		  "Umowa o pracę lub umowa zlecenie na co najmniej pół "
		  "etatu.", 150, "high", "open" },
		{ "Córka nadrabia zaległości z matematyki.",
		  "Ocena co najmniej dostateczna na koniec semestru.", 90,
		  "medium", "open" } },
	  .actions = {
		{ .goal = 1, .service = "Odpracowanie zadłużenia czynszowego",
		  .commitment = "Pani przyniesie do ZGM zaświadczenie o "
		  "dochodach i będzie wpłacać ratę do 10. dnia miesiąca.",
		  .referral = -90, .answer = "ZGM zgodził się rozłożyć dług "
		  "na 24 raty.", .answered = -75, .start = -70, .due = 120,
		  .status = "in_progress" },
		{ .goal = 1, .service = "Dodatek mieszkaniowy",
		  .commitment = "Złożyć wniosek z deklaracją o dochodach.",
		  .start = -60, .due = -20, .status = "planned" },
		{ .goal = 2, .service = "Rejestracja w PUP jako osoba",
		  .commitment = "Pani pojedzie do PUP z dowodem osobistym i "
		  "świadectwami pracy.", .start = -80, .due = -60,
		  .status = "done" },
		{ .goal = 2, .service = "Klub Pracy i doradztwo zawodowe",
		  .commitment = "Udział w 4 spotkaniach, przygotowanie CV.",
		  .referral = -55, .answer = "Przyjęta do grupy od "
		  "poniedziałku.", .answered = -50, .start = -45, .due = -5,
		  .status = "in_progress" },
		{ .goal = 3, .service = "Korepetycje z matematyki i języka",
		  .commitment = "Córka będzie przychodzić we wtorki i "
		  "czwartki; mama sprawdza zeszyt w piątek.", .start = -40,
		  .due = 80, .status = "in_progress" },
		{ .goal = 3, .text = "Rozmowa z wychowawczynią córki o "
		  "zaległościach i możliwości poprawy ocen.",
		  .partner = "SP Brzozowa Wola", .contact = "Magdalena Sowa",
		  .commitment = "Mama umówi się na rozmowę.", .start = -30,
		  .due = 7, .status = "planned" } },
	  .reviews = {
		{ .date = -30, .next = 30, .participants = "Pani A., "
		  "pracownik socjalny, pedagog szkolny",
		  .notes = "Pani pilnuje rat, dwie wpłaty terminowe. Wniosek "
		  "o dodatek mieszkaniowy jeszcze niezłożony – brak "
		  "zaświadczenia z pracy dorywczej.",
		  .progress = { "Dwie raty wpłacone w terminie.",
				"Zarejestrowana w PUP, chodzi do Klubu Pracy.",
				"Córka chodzi na korepetycje, pierwsza "
				"czwórka z kartkówki." },
		  .status = { "open", "open", "open" } } } },

	/* 2. Active: family assistant, three children, school absences. */
	{ .status = "active", .manager = WISNIEWSKI, .basis = "statutory",
	  .basis_note = ASYSTENT, .opened = -210,
	  .notes = "Asystent przydzielony decyzją kierownika GOPS. Ojciec "
		   "pracuje za granicą, kontakt telefoniczny co tydzień.",
	  .members = { { "matka", 38, NULL }, { "ojciec", 41, NULL },
		       { "syn", 14, NULL }, { "córka", 9, NULL },
		       { "córka", 3, NULL } },
	  .team = { { "GOPS Brzozowa Wola", "Joanna Dudek",
		      "asystent rodziny" },
		    { "SP Olszynka", "Renata Górska", "pedagog szkolny" },
		    { "PPP Wierzbnik", "Łukasz Borkowski",
		      "psycholog poradni" } },
	  .plan = "approved", .plan_from = -190, .approved = -185,
	  .diag = {
		{ "edukacja",
		  "Syn (14 lat) opuścił w półroczu 38% zajęć, najczęściej w "
		  "poniedziałki. Córka (9 lat) chodzi regularnie.",
		  "Powrót syna do regularnej nauki, wsparcie w nauce, "
		  "rozmowa o tym, co dzieje się w klasie.",
		  "Syn dobrze radzi sobie z przedmiotami technicznymi, gra w "
		  "piłkę.",
		  "„On mówi, że w klasie się z niego śmieją” (mama). "
		  "„Nudzi mnie ta szkoła” (syn)." },
		{ "codzienne_funkcjonowanie",
		  "Mama sama prowadzi dom i opiekuje się trójką dzieci. Rano "
		  "trudno jej dopilnować wyjścia syna do szkoły, bo "
		  "najmłodsza córka często choruje.",
		  "Stały plan dnia, pomoc w organizacji poranków.",
		  "Mama dba o posiłki i czystość, dzieci mają swoje "
		  "obowiązki.",
		  "„Rano jest u nas wojna, wszyscy krzyczą.”" },
		{ "relacje",
		  "Ojciec pracuje w Niemczech, przyjeżdża co dwa miesiące.",
		  "Włączenie taty w sprawy syna na odległość.",
		  "Rodzice są w dobrym kontakcie, ojciec wspiera finansowo.",
		  "„Z tatą syn rozmawia, ze mną nie chce” (mama)." } },
	  .goals = {
		{ "Syn chodzi do szkoły regularnie.",
		  "Frekwencja co najmniej 90% w kolejnym miesiącu.", 60,
		  "high", "partly" },
		{ "Rodzina ma plan poranków, który działa.",
		  "Mama mówi, że w co najmniej 4 dni w tygodniu syn wychodzi "
		  "na autobus bez kłótni.", 30, "medium", "open" },
		{ "Syn ma zajęcie po szkole, które lubi.",
		  "Chodzi na treningi co najmniej raz w tygodniu.", 45,
		  "low", "open" } },
	  .actions = {
		{ .goal = 1, .service = "Asystent rodziny",
		  .commitment = "Mama spotyka się z asystentką raz w "
		  "tygodniu i ustala z nią plan tygodnia.", .start = -185,
		  .due = 170, .status = "in_progress" },
		{ .goal = 1, .service = "Pomoc psychologiczna dla uczniów i",
		  .commitment = "Mama pojedzie z synem na pierwszą wizytę.",
		  .referral = -120, .answer = "Termin pierwszej konsultacji "
		  "wyznaczony.", .answered = -110, .start = -100, .due = -14,
		  .status = "accepted" },
		{ .goal = 2, .text = "Wspólne ułożenie planu poranka i "
		  "wywieszenie go na lodówce.", .partner = "GOPS Brzozowa "
		  "Wola", .contact = "Joanna Dudek", .commitment = "Syn sam "
		  "nastawia budzik i pakuje plecak wieczorem.", .start = -60,
		  .due = -10, .status = "in_progress" },
		{ .goal = 3, .service = "Piłka nożna dla dzieci i młodzieży",
		  .commitment = "Syn pójdzie na próbny trening z kolegą.",
		  .start = -20, .due = 25, .status = "planned" },
		{ .goal = 1, .service = "Dożywianie uczniów",
		  .start = -180, .due = 150, .status = "in_progress" } },
	  .reviews = {
		{ .date = -60, .next = 5, .participants = "mama, syn, "
		  "asystent rodziny, pedagog szkolny, pracownik socjalny",
		  .notes = "Frekwencja syna wzrosła do 80%. Po rozmowie z "
		  "psychologiem syn zgodził się na zmianę ławki.",
		  .progress = { "Frekwencja z 62% do 80%.",
				"Plan poranka ułożony, działa od tygodnia.",
				"Jeszcze nie byli na treningu." },
		  .status = { "partly", "open", "open" } } } },

	/* 3. Active: Niebieska Karta, mother and son, safety first. */
	{ .status = "active", .manager = NOWAK, .basis = "statutory",
	  .basis_note = NK, .opened = -75,
	  .notes = "Niebieska Karta wszczęta przez policję po interwencji. "
		   "Osoba stosująca przemoc (były konkubent) ma zakaz "
		   "zbliżania się. Nie podawać adresu pani nikomu spoza "
		   "grupy diagnostyczno-pomocowej.",
	  .members = { { "matka", 29, NULL }, { "syn", 7, NULL } },
	  .team = { { "Zespół Interdyscyplinarny", "Beata Mazur",
		      "przewodnicząca grupy diagnostyczno-pomocowej" },
		    { "Posterunek Brzozowa Wola", "Marcin Zając",
		      "dzielnicowy" },
		    { "Fundacja „Niebieski Parasol”", "Natalia Stępień",
		      "wsparcie psychologiczne i prawne" } },
	  .plan = "approved", .plan_from = -60, .approved = -58,
	  .diag = {
		{ "bezpieczenstwo",
		  "Pani B. przez dwa lata doświadczała przemocy psychicznej "
		  "i fizycznej ze strony partnera. Od interwencji mieszka z "
		  "synem sama; sprawca ma zakaz zbliżania się.",
		  "Poczucie bezpieczeństwa w domu, plan na wypadek "
		  "zagrożenia, pomoc prawna w sprawie alimentów i kontaktów.",
		  "Pani zdecydowała się zgłosić przemoc, ma wsparcie matki i "
		  "koleżanki z pracy.",
		  "„Najważniejsze, żeby mały mógł spokojnie spać.”" },
		{ "zdrowie",
		  "Pani źle śpi, ma napady lęku. Syn moczy się w nocy od "
		  "czasu awantur.",
		  "Pomoc psychologiczna dla pani i dla syna.",
		  "Pani pracuje, jest zorganizowana, dba o syna.",
		  "„Nie chcę brać tabletek, ale chcę z kimś porozmawiać.”" } },
	  .goals = {
		{ "Pani i syn czują się w domu bezpiecznie.",
		  "Pani ma spisany plan bezpieczeństwa; nie ma nowych "
		  "zdarzeń przemocy.", 60, "high", "open" },
		{ "Pani i syn korzystają z pomocy psychologicznej.",
		  "Co najmniej 6 spotkań pani i rozpoczęta terapia syna.", 90,
		  "high", "open" },
		{ "Sprawa alimentów i kontaktów ojca z synem jest w sądzie.",
		  "Złożony pozew.", 40, "medium", "open" } },
	  .actions = {
		{ .goal = 1, .service = "Dzielnicowy – wizyty w rodzinach",
		  .start = -55, .due = 30, .status = "in_progress" },
		{ .goal = 1, .text = "Opracowanie planu bezpieczeństwa "
		  "(telefony alarmowe, gdzie pójść, co zabrać).",
		  .partner = "Zespół Interdyscyplinarny",
		  .contact = "Beata Mazur", .commitment = "Pani zapisze "
		  "numery i trzyma torbę z dokumentami u matki.",
		  .start = -50, .due = -40, .status = "done" },
		{ .goal = 2, .service = "Pomoc psychologiczna dla osób "
		  "pokrzywdzonych", .commitment = "Pani przychodzi na "
		  "spotkania we wtorki.", .referral = -50, .answer = "Przyjęta, "
		  "spotkania co tydzień online i we wtorki w Wierzbniku.",
		  .answered = -45, .start = -40, .due = 50,
		  .status = "in_progress" },
		{ .goal = 2, .service = "Pomoc psychologiczna dla dzieci i "
		  "młodzieży", .commitment = "Mama przywiezie syna na "
		  "konsultację.", .referral = -45, .start = -40, .due = -7,
		  .status = "referred" },
		{ .goal = 3, .service = "Nieodpłatna pomoc prawna",
		  .commitment = "Pani przyniesie akt urodzenia syna i "
		  "zaświadczenie o zarobkach.", .start = -30, .due = -3,
		  .status = "planned" } } },

	/* 4. Active: an old lady living alone, memory getting worse. */
	{ .status = "active", .manager = WISNIEWSKI, .basis = "consent",
	  .consent = -150, .scope = "Zgoda pani C. i córki (opiekunki "
	  "faktycznej) na przetwarzanie danych o zdrowiu w zakresie usług "
	  "opiekuńczych i kontaktu z pielęgniarką środowiskową.",
	  .opened = -150,
	  .notes = "Córka mieszka w Łodzi, przyjeżdża w weekendy. Sąsiadka "
		   "ma klucz.",
	  .members = { { "seniorka, mieszka sama", 84, NULL },
		       { "córka (opiekunka, mieszka poza gminą)", 56, NULL } },
	  .team = { { "SPZOZ Brzozowa Wola", "Izabela Nowicka",
		      "pielęgniarka środowiskowa" },
		    { "Senior+ Zagórze", "Halina Czerwińska",
		      "kierownik Dziennego Domu" } },
	  .plan = "approved", .plan_from = -340, .approved = -335,
	  .diag = {
		{ "zdrowie",
		  "Pani C. (84 lata) ma nadciśnienie i początki otępienia. "
		  "Zapomina o lekach, dwa razy zostawiła włączony gaz.",
		  "Pilnowanie leków, kontrola lekarska, bezpieczeństwo w "
		  "kuchni.",
		  "Pani chodzi sama, dba o siebie, ma dobry kontakt z "
		  "sąsiadką.",
		  "„Ja sobie radzę, tylko czasem coś mi umknie.”" },
		{ "integracja",
		  "Pani większość dnia spędza sama, od śmierci męża rzadko "
		  "wychodzi.",
		  "Kontakt z ludźmi, zajęcie w ciągu dnia.",
		  "Lubi śpiewać i robić na drutach.",
		  "„W domu jest cicho, tylko telewizor gada.”" } },
	  .goals = {
		{ "Pani bierze leki regularnie i jest bezpieczna w domu.",
		  "Pielęgniarka potwierdza, że leki są brane; w kuchni jest "
		  "czujnik gazu.", 40, "high", "partly" },
		{ "Pani spędza czas z innymi co najmniej 3 razy w tygodniu.",
		  "Obecność w Dziennym Domu „Senior+”.", 20, "medium",
		  "open" } },
	  .actions = {
		{ .goal = 1, .service = "Usługi opiekuńcze w miejscu",
		  .commitment = "Córka dopłaca część odpłatności.",
		  .start = -330, .due = 25, .status = "in_progress" },
		{ .goal = 1, .service = "Pielęgniarka środowiskowa",
		  .start = -320, .due = 25, .status = "in_progress" },
		{ .goal = 1, .service = "Opaska bezpieczeństwa",
		  .commitment = "Pani nosi opaskę także w nocy.",
		  .start = -200, .due = -150, .status = "done" },
		{ .goal = 2, .service = "Dzienny Dom „Senior+”",
		  .commitment = "Pani spróbuje przez dwa tygodnie.",
		  .referral = -60, .answer = "Jest miejsce od przyszłego "
		  "miesiąca.", .answered = -50, .start = -30, .due = -2,
		  .status = "accepted" } },
	  .reviews = {
		{ .date = -150, .next = -10, .participants = "pani C., córka, "
		  "pielęgniarka, pracownik socjalny",
		  .notes = "Leki w dozowniku tygodniowym, opiekunka "
		  "sprawdza. Pani nie chce jeszcze DPS.",
		  .progress = { "Leki pod kontrolą, opaska założona.",
				"Pani raz była w Klubie Seniora." },
		  .status = { "partly", "open" } } } },

	/* 5. Active: a young man leaving foster care. */
	{ .status = "active", .manager = KOWALSKA, .basis = "consent",
	  .consent = -90, .scope = "Dane w zakresie planu usamodzielnienia "
	  "i współpracy z PCPR, PUP i ZGM.", .opened = -90,
	  .members = { { "usamodzielniany wychowanek", 19, NULL } },
	  .team = { { "PCPR Wierzbnik", "Katarzyna Zielińska",
		      "opiekun usamodzielnienia" },
		    { "PUP Wierzbnik", "Michał Jankowski", "doradca klienta" } },
	  .plan = "approved", .plan_from = -80, .approved = -78,
	  .diag = {
		{ "mieszkanie",
		  "Pan D. opuścił rodzinę zastępczą, mieszka czasowo u "
		  "kolegi.",
		  "Własny kąt: mieszkanie treningowe, potem najem socjalny.",
		  "Ma oszczędności z pomocy na usamodzielnienie, umie "
		  "gotować.",
		  "„Chcę mieć swoje miejsce, nie chcę nikomu siedzieć na "
		  "głowie.”" },
		{ "praca",
		  "Skończył szkołę branżową (mechanik), nie ma pracy.",
		  "Praca w zawodzie lub kurs z uprawnieniami.",
		  "Zna się na samochodach, jest punktualny.",
		  "„Najbardziej chciałbym robić przy autach.”" } },
	  .goals = {
		{ "Pan D. mieszka samodzielnie.",
		  "Umowa na mieszkanie treningowe.", 60, "high", "open" },
		{ "Pan D. ma pracę albo zaczyna kurs zawodowy.",
		  "Umowa lub skierowanie na kurs.", 100, "high", "open" } },
	  .actions = {
		{ .goal = 1, .service = "Mieszkanie chronione treningowe",
		  .commitment = "Pan D. złoży wniosek i przyjdzie na rozmowę.",
		  .referral = -60, .answer = "Miejsce zwolni się za dwa "
		  "miesiące.", .answered = -40, .start = -40, .due = 30,
		  .status = "accepted" },
		{ .goal = 2, .service = "Rejestracja w PUP jako osoba",
		  .start = -75, .due = -60, .status = "done" },
		{ .goal = 2, .service = "Kurs zawodowy: operator wózków",
		  .commitment = "Pan D. zrobi badania lekarskie do kursu.",
		  .start = -30, .due = -8, .status = "planned" } } },

	/* 6. Active: a small boy, probably autism spectrum. */
	{ .status = "active", .manager = NOWAK, .basis = "consent",
	  .consent = -100, .scope = "Dane o zdrowiu dziecka w zakresie "
	  "diagnozy, wczesnego wspomagania i orzeczenia.", .opened = -100,
	  .members = { { "matka", 31, "Anna Wzorcowa" },
		       { "ojciec", 33, "Jan Wzorcowy" },
		       { "syn", 4, "Staś Wzorcowy" }, { "córka", 1, NULL } },
	  .team = { { "PPP Wierzbnik", "Małgorzata Jabłońska",
		      "diagnoza i wczesne wspomaganie" },
		    { "Przedszkole „Słoneczko”", "Sylwia Michalak",
		      "logopeda" } },
	  .plan = "approved", .plan_from = -90, .approved = -88,
	  .diag = {
		{ "opieka_nad_dziecmi",
		  "Syn (4 lata) prawie nie mówi, nie bawi się z dziećmi, źle "
		  "znosi zmiany. Przedszkole zasugerowało diagnozę.",
		  "Diagnoza, terapia, wsparcie rodziców.",
		  "Rodzice zgodni, bardzo zaangażowani; babcia pomaga przy "
		  "młodszej córce.",
		  "„Chcemy wiedzieć, co mu jest, i jak mu pomóc.”" },
		{ "dochod",
		  "Utrzymują się z pensji ojca; mama nie wróciła do pracy po "
		  "urodzeniu córki.",
		  "Dojazdy na terapię kosztują; zasiłek pielęgnacyjny po "
		  "orzeczeniu.",
		  "Mają samochód.",
		  "„Damy radę, tylko dojazdy do Łodzi są drogie.”" } },
	  .goals = {
		{ "Syn ma diagnozę i zaczyna terapię.",
		  "Opinia o potrzebie wczesnego wspomagania i pierwsze "
		  "zajęcia.", 60, "high", "open" },
		{ "Rodzina ma orzeczenie i świadczenia, które jej "
		  "przysługują.", "Złożony wniosek o orzeczenie o "
		  "niepełnosprawności.", 80, "medium", "open" } },
	  .actions = {
		{ .goal = 1, .service = "Diagnoza spektrum autyzmu",
		  .commitment = "Rodzice zbiorą opinię z przedszkola i "
		  "dokumentację od pediatry.", .referral = -80,
		  .answer = "Termin diagnozy za 3 miesiące.", .answered = -70,
		  .start = -70, .due = 20, .status = "accepted" },
		{ .goal = 1, .service = "Wczesne wspomaganie rozwoju",
		  .referral = -60, .start = -50, .due = -12,
		  .status = "referred" },
		{ .goal = 1, .service = "Zajęcia logopedyczne w przedszkolu",
		  .start = -80, .due = 100, .status = "in_progress" },
		{ .goal = 2, .service = "Orzeczenie o niepełnosprawności",
		  .commitment = "Mama wypełni wniosek, pracownik pomoże.",
		  .start = 5, .due = 40, .status = "planned" } } },

	/* 7. Active: alcohol, unemployment, a wife who carries it all. */
	{ .status = "active", .manager = WISNIEWSKI, .basis = "consent",
	  .consent = -160, .scope = "Dane o uzależnieniu i leczeniu w "
	  "zakresie współpracy z poradnią i GKRPA.", .opened = -160,
	  .notes = "Pan E. dwa razy przerywał terapię. Żona prosi, by nie "
		   "dzwonić na jej telefon w godzinach pracy.",
	  .members = { { "mąż", 47, NULL }, { "żona", 45, NULL },
		       { "córka", 17, NULL } },
	  .team = { { "PLU Wierzbnik", "Anita Kalinowska",
		      "terapeutka uzależnień" },
		    { "GKRPA", "Stanisław Głowacki", "przewodniczący GKRPA" } },
	  .plan = "approved", .plan_from = -150, .approved = -148,
	  .diag = {
		{ "uzaleznienia",
		  "Pan E. pije od kilku lat, w ostatnim roku codziennie. "
		  "Stracił pracę w tartaku.",
		  "Terapia, abstynencja, wsparcie dla żony i córki.",
		  "Pan przyznaje, że ma problem; żona jest stanowcza i "
		  "spokojna.",
		  "„Chcę przestać, bo córka ze mną nie rozmawia” (pan E.)." },
		{ "praca",
		  "Pan bez pracy od 8 miesięcy, żona pracuje w sklepie.",
		  "Praca po ukończeniu terapii podstawowej.",
		  "Doświadczenie w pracy z drewnem, prawo jazdy kat. C.",
		  "„Jak nie piję, to robota mi idzie.”" },
		{ "relacje",
		  "Córka (17 lat) unika ojca, żona jest zmęczona.",
		  "Miejsce dla żony i córki, gdzie mogą porozmawiać.",
		  "Rodzina chce zostać razem.",
		  "„Ja już nie mam siły go pilnować” (żona)." } },
	  .goals = {
		{ "Pan E. kończy podstawowy program terapii.",
		  "Zaświadczenie z poradni o ukończeniu programu.", 30,
		  "high", "partly" },
		{ "Żona korzysta ze wsparcia dla siebie.",
		  "Udział w co najmniej 5 spotkaniach.", 60, "medium",
		  "open" },
		{ "Pan E. podejmuje pracę.",
		  "Umowa o pracę lub staż.", 150, "medium", "open" } },
	  .actions = {
		{ .goal = 1, .service = "Terapia uzależnienia od alkoholu",
		  .commitment = "Pan E. przychodzi na wszystkie spotkania "
		  "grupy i nie pije.", .referral = -145, .answer = "Przyjęty "
		  "do programu.", .answered = -140, .start = -135, .due = 30,
		  .status = "in_progress" },
		{ .goal = 1, .service = "Grupa wsparcia AA",
		  .commitment = "Raz w tygodniu mityng.", .start = -100,
		  .due = 60, .status = "in_progress" },
		{ .goal = 2, .service = "Terapia dla osób współuzależnionych",
		  .commitment = "Żona zapisze się na grupę.", .start = -90,
		  .due = -30, .status = "planned" },
		{ .goal = 2, .service = "Grupa Al-Anon",
		  .start = -60, .due = 40, .status = "in_progress" },
		{ .goal = 3, .service = "Dyżur doradcy klienta PUP",
		  .start = 10, .due = 45, .status = "planned" } },
	  .reviews = {
		{ .date = -45, .next = 3, .participants = "pan E., żona, "
		  "terapeutka, pracownik socjalny",
		  .notes = "Pan E. nie pije od 10 tygodni. Żona była raz na "
		  "Al-Anon, na terapię jeszcze się nie zapisała.",
		  .progress = { "10 tygodni abstynencji, regularnie na "
				"grupie.", "Jedno spotkanie Al-Anon.",
				"Nie szuka jeszcze pracy – tak ustaliliśmy." },
		  .status = { "partly", "open", "open" } } } },

	/* 8. Active: a family from Ukraine. */
	{ .status = "active", .manager = NOWAK, .basis = "consent",
	  .consent = -70, .scope = "Dane rodziny w zakresie nauki języka, "
	  "pracy i szkoły; zgoda odebrana w obecności tłumaczki.",
	  .opened = -70,
	  .members = { { "matka", 36, NULL }, { "babcia", 63, NULL },
		       { "syn", 12, NULL }, { "córka", 8, NULL } },
	  .team = { { "Fundacja „Wspólny Dom”", "Olena Kovalenko",
		      "doradczyni, tłumaczka" },
		    { "SP Brzozowa Wola", "Magdalena Sowa",
		      "pedagog szkolny" } },
	  .plan = "approved", .plan_from = -60, .approved = -57,
	  .diag = {
		{ "integracja",
		  "Rodzina przyjechała z Charkowa, od roku mieszka w "
		  "Olszynce w lokalu od parafii. Mama zna podstawy "
		  "polskiego, babcia tylko ukraiński.",
		  "Nauka języka, kontakt z sąsiadami, informacja o "
		  "sprawach urzędowych.",
		  "Rodzina jest ze sobą blisko, mama szybko się uczy.",
		  "„Chcemy tu normalnie żyć, dzieci już mówią po polsku "
		  "lepiej niż ja.”" },
		{ "praca",
		  "Mama jest księgową, pracuje dorywczo przy sprzątaniu.",
		  "Praca bliższa kwalifikacjom, nostryfikacja dyplomu.",
		  "Wyższe wykształcenie, znajomość rachunkowości.",
		  "„Mogę robić wszystko, ale chciałabym kiedyś wrócić do "
		  "liczb.”" } },
	  .goals = {
		{ "Mama mówi po polsku na tyle, by załatwić sprawy w urzędzie "
		  "sama.", "Ukończony kurs poziomu A2.", 120, "high",
		  "open" },
		{ "Mama ma stałą pracę.", "Umowa o pracę.", 180, "medium",
		  "open" } },
	  .actions = {
		{ .goal = 1, .service = "Lekcje języka polskiego dla",
		  .commitment = "Mama chodzi na lekcje dwa razy w tygodniu.",
		  .start = -55, .due = 120, .status = "in_progress" },
		{ .goal = 1, .service = "Spotkania integracyjne dla rodzin z "
		  "Ukrainy", .commitment = "Cała rodzina przyjdzie na "
		  "spotkanie.", .start = -40, .due = -25, .status = "done" },
		{ .goal = 2, .service = "Punkt informacyjny dla cudzoziemców",
		  .commitment = "Mama przygotuje tłumaczenie dyplomu.",
		  .start = -30, .due = -4, .status = "in_progress" },
		{ .goal = 2, .service = "Rejestracja w PUP jako osoba",
		  .start = 3, .due = 30, .status = "planned" } } },

	/* 9. Active: family assistant, a teenager with a court curator. */
	{ .status = "active", .manager = WISNIEWSKI, .basis = "statutory",
	  .basis_note = ASYSTENT, .opened = -260,
	  .notes = "Postanowienie sądu rodzinnego o nadzorze kuratora nad "
		   "synem. Ojciec nie utrzymuje kontaktu.",
	  .members = { { "matka", 44, NULL }, { "syn", 16, NULL } },
	  .team = { { "ZKSS Wierzbnik", "Adam Kamiński", "kurator sądowy" },
		    { "GOPS Brzozowa Wola", "Joanna Dudek",
		      "asystent rodziny" } },
	  .plan = "approved", .plan_from = -250, .approved = -245,
	  .diag = {
		{ "edukacja",
		  "Syn (16 lat) powtarza klasę w szkole branżowej, wagaruje. "
		  "Był zatrzymany za kradzież w sklepie.",
		  "Ukończenie klasy, zajęcie po szkole, przestrzeganie "
		  "ustaleń z kuratorem.",
		  "Syn lubi gotować, dobrze dogaduje się z asystentką.",
		  "„Chcę iść na kucharza, ta szkoła to nie moje” (syn)." },
		{ "relacje",
		  "Mama pracuje na zmiany, syn jest dużo sam. Częste kłótnie.",
		  "Czas razem, zasady w domu, wsparcie mamy.",
		  "Mama bardzo się stara, nie odpuszcza.",
		  "„Kocham go, ale nie wiem, jak do niego mówić” (mama)." } },
	  .goals = {
		{ "Syn kończy klasę z promocją.",
		  "Świadectwo z promocją.", 70, "high", "open" },
		{ "Mama i syn ustalają zasady w domu i ich przestrzegają.",
		  "Spisana umowa; mniej kłótni w ocenie obojga.", 20,
		  "medium", "partly" } },
	  .actions = {
		{ .goal = 1, .service = "Asystent rodziny",
		  .start = -245, .due = 110, .status = "in_progress" },
		{ .goal = 1, .service = "Praktyki i prace dorywcze w piekarni",
		  .commitment = "Syn przyjdzie na próbny dzień w sobotę.",
		  .start = -50, .due = -15, .status = "in_progress" },
		{ .goal = 2, .service = "Szkoła dla rodziców",
		  .commitment = "Mama zapisze się na jesienną edycję.",
		  .start = -100, .due = -30, .status = "planned" },
		{ .goal = 1, .service = "Dyżur kuratora sądowego",
		  .start = -240, .due = 120, .status = "in_progress" } },
	  .reviews = {
		{ .date = -90, .next = 2, .participants = "mama, syn, "
		  "kurator, asystent rodziny, pracownik socjalny",
		  .notes = "Syn chodzi do szkoły częściej, dwa razy był na "
		  "próbie w piekarni i bardzo mu się podobało.",
		  .progress = { "Frekwencja 75%, zagrożenie z dwóch "
				"przedmiotów.", "Umowa domowa spisana, "
				"wisi na drzwiach." },
		  .status = { "open", "partly" } } } },

	/* 10. Active: husband after a stroke, wife caring. */
	{ .status = "active", .manager = KOWALSKA, .basis = "consent",
	  .consent = -130, .scope = "Dane o zdrowiu w zakresie "
	  "rehabilitacji, sprzętu i wsparcia opiekunki.", .opened = -130,
	  .members = { { "mąż", 72, NULL }, { "żona (opiekunka)", 69,
		       NULL } },
	  .team = { { "Stowarzyszenie „Krok Dalej”", "Agata Szczepańska",
		      "asystencja osobista" },
		    { "PCPR Wierzbnik", "Krzysztof Sadowski",
		      "dofinansowania PFRON" } },
	  .plan = "approved", .plan_from = -120, .approved = -118,
	  .diag = {
		{ "zdrowie",
		  "Pan F. po udarze ma niedowład prawej strony, porusza się "
		  "o balkoniku. Żona sama pomaga mu przy kąpieli.",
		  "Rehabilitacja, łóżko rehabilitacyjne, pomoc przy "
		  "higienie.",
		  "Pan bardzo chce wrócić do sprawności, ćwiczy codziennie.",
		  "„Chcę sam dojść do ogródka.”" },
		{ "codzienne_funkcjonowanie",
		  "Łazienka na piętrze, wąskie schody. Żona ma chory "
		  "kręgosłup.",
		  "Dostosowanie łazienki na parterze, chwila odpoczynku "
		  "dla żony.",
		  "Syn z Wierzbnika pomaga w weekendy.",
		  "„Ja też muszę czasem odetchnąć” (żona)." } },
	  .goals = {
		{ "Pan F. samodzielnie chodzi po domu.",
		  "Przejście z pokoju do kuchni bez pomocy.", 60, "high",
		  "partly" },
		{ "Łazienka na parterze jest dostosowana.",
		  "Prysznic bez brodzika i poręcze zamontowane.", 200,
		  "medium", "open" },
		{ "Żona ma co najmniej jeden wolny dzień w tygodniu.",
		  "Asystent lub wolontariusz zostaje z mężem.", 30, "medium",
		  "open" } },
	  .actions = {
		{ .goal = 1, .service = "Rehabilitacja ambulatoryjna",
		  .start = -110, .due = 40, .status = "in_progress" },
		{ .goal = 1, .service = "Wypożyczalnia sprzętu",
		  .commitment = "Syn odbierze łóżko przyczepką.",
		  .start = -115, .due = -100, .status = "done" },
		{ .goal = 2, .service = "Likwidacja barier architektonicznych",
		  .commitment = "Żona zbierze oferty od dwóch wykonawców.",
		  .referral = -90, .answer = "Wniosek przyjęty, lista "
		  "rankingowa w przyszłym kwartale.", .answered = -60,
		  .start = -90, .due = 150, .status = "accepted" },
		{ .goal = 3, .service = "Asystencja osobista",
		  .referral = -40, .start = -35, .due = -6,
		  .status = "referred" },
		{ .goal = 1, .service = "Dowóz osób z niepełnosprawnością na",
		  .start = -110, .due = 40, .status = "in_progress" } } },

	/* 11. Under review: long-term unemployed woman. */
	{ .status = "review", .manager = NOWAK, .basis = "consent",
	  .consent = -300, .scope = "Dane w zakresie aktywizacji zawodowej "
	  "i współpracy z CIS i PUP.", .opened = -300,
	  .members = { { "wnioskodawczyni", 53, NULL },
		       { "matka (na jej utrzymaniu)", 80, NULL } },
	  .team = { { "CIS Wierzbnik", "Jolanta Walczak", "kierownik CIS" },
		    { "PUP Wierzbnik", "Barbara Kozłowska",
		      "Centrum Aktywizacji Zawodowej" } },
	  .plan = "approved", .plan_from = -280, .approved = -275,
	  .diag = {
		{ "praca",
		  "Pani G. nie pracuje od 9 lat, opiekowała się chorym "
		  "ojcem. Od roku na zasiłku okresowym.",
		  "Powrót do pracy krok po kroku.",
		  "Sumienna, dobrze gotuje, lubi pracę z ludźmi.",
		  "„Boję się, że już nic nie umiem.”" },
		{ "dochod",
		  "Zasiłek okresowy i emerytura matki; opłaty pochłaniają "
		  "większość.", "Stały dochód z pracy.",
		  "Brak długów, skromne życie.",
		  "„Starcza na opłaty i jedzenie, na nic więcej.”" } },
	  .goals = {
		{ "Pani G. kończy reintegrację w CIS.",
		  "Zaświadczenie o ukończeniu programu.", 20, "high",
		  "partly" },
		{ "Pani G. ma pracę na umowę.",
		  "Umowa o pracę co najmniej na pół etatu.", 90, "high",
		  "open" } },
	  .actions = {
		{ .goal = 1, .service = "Centrum Integracji Społecznej",
		  .referral = -260, .answer = "Przyjęta do grupy "
		  "gastronomicznej.", .answered = -250, .start = -245,
		  .due = 20, .status = "in_progress" },
		{ .goal = 2, .service = "Kurs zawodowy dla dorosłych: kucharz",
		  .commitment = "Pani dowie się o terminy naboru.",
		  .start = -40, .due = -9, .status = "planned" },
		{ .goal = 2, .service = "Trening pracy w spółdzielni",
		  .start = 15, .due = 75, .status = "planned" } },
	  .reviews = {
		{ .date = -120, .next = -40, .participants = "pani G., "
		  "kierownik CIS, pracownik socjalny",
		  .notes = "Pani chodzi do CIS regularnie, chwali ją "
		  "instruktorka kuchni.",
		  .progress = { "Regularny udział, 2 nieobecności "
				"usprawiedliwione.", "Jeszcze nie szuka." },
		  .status = { "open", "open" } },
		{ .date = -4, .next = 4, .participants = "pani G., "
		  "doradca PUP, kierownik CIS, pracownik socjalny",
		  .notes = "Program w CIS kończy się za trzy tygodnie. "
		  "Spółdzielnia „Brzozowy Zakątek” może przyjąć panią na "
		  "trening pracy. Plan do aktualizacji na następnym "
		  "spotkaniu.",
		  .progress = { "Prawie ukończony, bardzo dobra opinia.",
				"Jest propozycja treningu pracy." },
		  .status = { "partly", "open" } } } },

	/* 12. Under review: Niebieska Karta, an old mother and her son. */
	{ .status = "review", .manager = WISNIEWSKI, .basis = "statutory",
	  .basis_note = NK, .opened = -200,
	  .notes = "Syn (osoba stosująca przemoc) objęty programem "
		   "korekcyjnym; wobec niego odrębne działania grupy "
		   "diagnostyczno-pomocowej.",
	  .members = { { "matka (osoba doznająca przemocy)", 76, NULL },
		       { "syn", 49, NULL } },
	  .team = { { "Zespół Interdyscyplinarny", "Beata Mazur",
		      "grupa diagnostyczno-pomocowa" },
		    { "Posterunek Brzozowa Wola", "Kamil Wysocki",
		      "dzielnicowy" },
		    { "PLU Wierzbnik", "Anita Kalinowska",
		      "terapeutka uzależnień" } },
	  .plan = "approved", .plan_from = -190, .approved = -188,
	  .diag = {
		{ "bezpieczenstwo",
		  "Pani H. (76 lat) mieszka z synem, który po alkoholu "
		  "wyzywa ją i zabiera emeryturę.",
		  "Bezpieczeństwo, kontrola nad własnymi pieniędzmi.",
		  "Pani jest sprawna, ma dobrą sąsiadkę i siostrę we wsi.",
		  "„To mój syn, nie chcę go wyrzucać, chcę, żeby przestał "
		  "pić.”" },
		{ "uzaleznienia",
		  "Syn pije, odmawiał leczenia.",
		  "Leczenie syna, wsparcie dla matki.",
		  "Syn zgodził się na rozmowę z terapeutką.",
		  "„Może jak pójdzie na terapię, to się zmieni.”" } },
	  .goals = {
		{ "Pani H. sama dysponuje swoją emeryturą.",
		  "Emerytura na konto, do którego syn nie ma dostępu.", 10,
		  "high", "achieved" },
		{ "Syn podejmuje leczenie.",
		  "Zgłoszenie do poradni lub wniosek do GKRPA.", 15,
		  "high", "partly" } },
	  .actions = {
		{ .goal = 1, .text = "Pomoc w założeniu konta w banku i "
		  "zmianie sposobu wypłaty emerytury.", .partner =
		  "Bank Spółdzielczy", .contact = "Ilona Tomaszewska",
		  .start = -150, .due = -120, .status = "done" },
		{ .goal = 2, .service = "Zobowiązanie do leczenia odwykowego",
		  .referral = -100, .answer = "Komisja wezwała syna na "
		  "rozmowę.", .answered = -80, .start = -100, .due = -20,
		  .status = "accepted" },
		{ .goal = 2, .service = "Dyżur terapeuty uzależnień",
		  .start = -60, .due = 30, .status = "in_progress" },
		{ .goal = 1, .service = "Dzielnicowy – wizyty w rodzinach",
		  .start = -185, .due = 30, .status = "in_progress" } },
	  .reviews = {
		{ .date = -100, .next = -30, .participants = "pani H., "
		  "grupa diagnostyczno-pomocowa",
		  .notes = "Emerytura przychodzi na konto. Syn obraził się, "
		  "ale awantur mniej.",
		  .progress = { "Konto założone.", "Syn odmawia." },
		  .status = { "achieved", "open" } },
		{ .date = -6, .next = 6, .participants = "pani H., syn, "
		  "dzielnicowy, terapeutka, pracownik socjalny",
		  .notes = "Syn był dwa razy na dyżurze terapeuty. Pani "
		  "mówi, że jest spokojniej. Grupa rozważa zakończenie "
		  "procedury po kolejnym monitoringu.",
		  .progress = { "Bez zmian, pani dysponuje pieniędzmi.",
				"Dwie wizyty u terapeuty." },
		  .status = { "achieved", "partly" } } } },

	/* 13. Under review: a large family with a low income. */
	{ .status = "review", .manager = NOWAK, .basis = "consent",
	  .consent = -230, .scope = "Dane rodziny w zakresie świadczeń, "
	  "dożywiania i pomocy żywnościowej.", .opened = -230,
	  .members = { { "matka", 37, NULL }, { "ojciec", 40, NULL },
		       { "syn", 15, NULL }, { "córka", 12, NULL },
		       { "syn", 9, NULL }, { "córka", 4, NULL } },
	  .team = { { "UG Brzozowa Wola", "Agnieszka Kubiak",
		      "dodatki, Karta Dużej Rodziny" },
		    { "Bank Żywności", "Damian Kurowski",
		      "pomoc żywnościowa" } },
	  .plan = "approved", .plan_from = -220, .approved = -215,
	  .diag = {
		{ "dochod",
		  "Rodzina z piątką dzieci (najstarsza córka studiuje w "
		  "Łodzi). Ojciec pracuje sezonowo w budowlance, zimą bez "
		  "pracy.", "Przetrwanie zimy, opał, tańsze zakupy.",
		  "Rodzice gospodarni, mają ogród i kury.",
		  "„Latem dajemy radę, zimą jest ciężko.”" },
		{ "opieka_nad_dziecmi",
		  "Dzieci uczą się dobrze, najmłodsza chodzi do przedszkola.",
		  "Obiady w szkole, zajęcia dla dzieci bez opłat.",
		  "Starsze rodzeństwo pomaga młodszym.",
		  "„Dzieci chciałyby jeździć na basen jak inni.”" } },
	  .goals = {
		{ "Rodzina ma opał i jedzenie na zimę.",
		  "Opał kupiony do listopada, paczki co miesiąc.", -10,
		  "high", "achieved" },
		{ "Rodzina korzysta ze zniżek i świadczeń, które jej "
		  "przysługują.", "Karta Dużej Rodziny, dodatek "
		  "energetyczny.", 20, "medium", "partly" } },
	  .actions = {
		{ .goal = 1, .service = "Zasiłek celowy",
		  .start = -200, .due = -170, .status = "done" },
		{ .goal = 1, .service = "Paczki żywnościowe",
		  .start = -200, .due = 100, .status = "in_progress" },
		{ .goal = 1, .service = "Dożywianie uczniów",
		  .start = -200, .due = 100, .status = "in_progress" },
		{ .goal = 2, .service = "Karta Dużej Rodziny",
		  .commitment = "Rodzice złożą wniosek ze zdjęciami dzieci.",
		  .start = -100, .due = -60, .status = "done" },
		{ .goal = 2, .service = "Dodatek energetyczny",
		  .start = -30, .due = -1, .status = "planned" } },
	  .reviews = {
		{ .date = -2, .next = 5, .participants = "oboje rodzice, "
		  "pracownik socjalny",
		  .notes = "Zima przeszła bez zadłużeń. Karta Dużej Rodziny "
		  "wydana. Wniosek o dodatek energetyczny do złożenia.",
		  .progress = { "Opał i paczki były przez całą zimę.",
				"KDR wydana, dodatek jeszcze nie." },
		  .status = { "achieved", "partly" } } } },

	/* 14. Under review: a father alone after his wife's death. */
	{ .status = "review", .manager = KOWALSKA, .basis = "consent",
	  .consent = -180, .scope = "Dane rodziny w zakresie wsparcia "
	  "psychologicznego i opieki nad dziećmi.", .opened = -180,
	  .members = { { "ojciec", 42, NULL }, { "córka", 13, NULL },
		       { "syn", 5, NULL } },
	  .team = { { "Ośrodek „Przystań”", "Paulina Szewczyk",
		      "psycholog" },
		    { "Caritas parafii św. Józefa", "Bożena Kaczmarczyk",
		      "wolontariat Caritas" } },
	  .plan = "approved", .plan_from = -170, .approved = -165,
	  .diag = {
		{ "relacje",
		  "Pan I. został sam z dwojgiem dzieci po nagłej śmierci "
		  "żony. Córka zamknęła się w sobie, syn pyta o mamę.",
		  "Przeżycie żałoby, wsparcie dla dzieci.",
		  "Bliska więź z dziećmi, pomoc teściowej.",
		  "„Muszę być silny dla nich, ale czasem nie mam siły "
		  "wstać.”" },
		{ "opieka_nad_dziecmi",
		  "Pan pracuje do 16:00, syn kończy przedszkole o 15:30.",
		  "Opieka nad synem po przedszkolu.",
		  "Teściowa odbiera syna dwa razy w tygodniu.",
		  "„Potrzebuję kogoś na te trzy dni.”" } },
	  .goals = {
		{ "Rodzina dostaje wsparcie w żałobie.",
		  "Pan i córka na spotkaniach co najmniej raz w miesiącu.",
		  30, "high", "partly" },
		{ "Syn ma opiekę po przedszkolu każdego dnia.",
		  "Ustalony plan na cały tydzień.", -20, "high",
		  "achieved" } },
	  .actions = {
		{ .goal = 1, .service = "Grupa wsparcia dla osób w żałobie",
		  .start = -150, .due = 30, .status = "in_progress" },
		{ .goal = 1, .service = "Pomoc psychologiczna dla dzieci i "
		  "młodzieży", .referral = -150, .answer = "Córka przyjęta.",
		  .answered = -140, .start = -140, .due = 30,
		  .status = "in_progress" },
		{ .goal = 2, .service = "Przedszkole Samorządowe",
		  .text = NULL, .commitment = "Pan poprosi o dłuższy pobyt "
		  "syna w przedszkolu.", .start = -160, .due = -130,
		  .status = "done" },
		{ .goal = 2, .service = "Odwiedziny osób samotnych i chorych",
		  .start = -120, .due = -90, .status = "dropped" } },
	  .reviews = {
		{ .date = -8, .next = 1, .participants = "pan I., córka, "
		  "psycholog, pracownik socjalny",
		  .notes = "Córka znów spotyka się z koleżankami. Pan mówi, "
		  "że śpi lepiej. Opieka nad synem ułożona z teściową i "
		  "przedszkolem.",
		  .progress = { "Regularne spotkania, widać poprawę.",
				"Opieka ułożona na cały tydzień." },
		  .status = { "partly", "achieved" } } } },

	/* 15. Under review: a woman with a mental illness. */
	{ .status = "review", .manager = WISNIEWSKI, .basis = "consent",
	  .consent = -240, .scope = "Dane o zdrowiu psychicznym w zakresie "
	  "współpracy z CZP i ŚDS.", .opened = -240,
	  .members = { { "wnioskodawczyni", 39, NULL },
		       { "ojciec", 70, NULL } },
	  .team = { { "CZP Wierzbnik", "Ryszard Malinowski",
		      "koordynator opieki" },
		    { "ŚDS Olszynka", "Dorota Lis", "kierownik ŚDS" } },
	  .plan = "approved", .plan_from = -230, .approved = -226,
	  .diag = {
		{ "zdrowie",
		  "Pani J. choruje na schizofrenię od 20 lat. Po ostatnim "
		  "pobycie w szpitalu bierze leki, ale nie chodzi na "
		  "wizyty.", "Stała opieka psychiatryczna, zajęcia w "
		  "ciągu dnia.", "Pani jest spokojna, lubi rysować i "
		  "piec.", "„Nie chcę już do szpitala.”" },
		{ "codzienne_funkcjonowanie",
		  "Mieszka z ojcem, który sam słabnie.",
		  "Umiejętności codzienne: zakupy, opłaty, gotowanie.",
		  "Ojciec jest oparciem, pani pomaga mu w domu.",
		  "„Tata się martwi, co będzie, jak go zabraknie.”" } },
	  .goals = {
		{ "Pani J. regularnie korzysta z opieki CZP.",
		  "Wizyta co miesiąc; bez pobytu w szpitalu.", 60, "high",
		  "partly" },
		{ "Pani J. uczestniczy w zajęciach ŚDS.",
		  "Co najmniej 3 dni w tygodniu.", 45, "medium",
		  "partly" } },
	  .actions = {
		{ .goal = 1, .service = "Zespół leczenia środowiskowego",
		  .start = -220, .due = 60, .status = "in_progress" },
		{ .goal = 2, .service = "Środowiskowy Dom Samopomocy",
		  .referral = -200, .answer = "Przyjęta od 1. dnia "
		  "następnego miesiąca.", .answered = -190, .start = -180,
		  .due = 120, .status = "in_progress" },
		{ .goal = 2, .service = "Dowóz uczestników ŚDS",
		  .start = -180, .due = 120, .status = "in_progress" } },
	  .reviews = {
		{ .date = -3, .next = 7, .participants = "pani J., ojciec, "
		  "koordynator CZP, kierownik ŚDS",
		  .notes = "Pani chodzi do ŚDS 4 dni w tygodniu, ostatnią "
		  "wizytę w CZP opuściła. Ustalono przypomnienie SMS.",
		  .progress = { "Jedna wizyta opuszczona.",
				"4 dni w tygodniu w ŚDS." },
		  .status = { "partly", "achieved" } } } },

	/* 16. New: reported by the school, no plan yet. */
	{ .status = "new", .manager = NOWAK, .basis = "consent",
	  .consent = -3, .scope = "Zgoda na rozmowę z pedagogiem szkolnym i "
	  "przygotowanie diagnozy.", .opened = -5,
	  .notes = "Zgłoszenie pedagoga: dzieci przychodzą głodne, mama "
		   "nie odbiera telefonów. Pierwsza wizyta odbyta, rodzina "
		   "otwarta na pomoc.",
	  .members = { { "matka", 30, NULL }, { "syn", 10, NULL },
		       { "syn", 8, NULL } },
	  .team = { { "SP Brzozowa Wola", "Magdalena Sowa",
		      "pedagog, zgłaszająca" } } },

	/* 17. New: a fresh Niebieska Karta, no plan yet. */
	{ .status = "new", .manager = WISNIEWSKI, .basis = "statutory",
	  .basis_note = NK, .opened = -2,
	  .notes = "Formularz NK-A od policji. Posiedzenie grupy "
		   "diagnostyczno-pomocowej w ciągu 3 dni.",
	  .members = { { "żona", 51, NULL }, { "mąż", 55, NULL } },
	  .team = { { "Zespół Interdyscyplinarny", "Beata Mazur",
		      "grupa diagnostyczno-pomocowa" } } },

	/* 18. New: a draft plan, a man without a home. */
	{ .status = "new", .manager = KOWALSKA, .basis = "consent",
	  .consent = -12, .scope = "Dane w zakresie pomocy w kryzysie "
	  "bezdomności.", .opened = -12,
	  .members = { { "wnioskodawca", 58, NULL } },
	  .team = { { "Stowarzyszenie „Dach nad Głową”", "Leszek Makowski",
		      "kierownik schroniska" } },
	  .plan = "draft", .plan_from = -5,
	  .diag = {
		{ "mieszkanie",
		  "Pan K. od dwóch miesięcy nocuje w altanie na działkach "
		  "po rozpadzie małżeństwa.",
		  "Bezpieczne miejsce na zimę, potem mieszkanie.",
		  "Ma rentę, nie pije, ma dobry kontakt z bratem.",
		  "„Do schroniska pójdę, byle nie na długo.”" },
		{ "zdrowie",
		  "Pan ma cukrzycę, od miesięcy bez kontroli.",
		  "Lekarz rodzinny, leki.",
		  "Pan zna swoją chorobę.",
		  "„Leki mi się skończyły w październiku.”" } },
	  .goals = {
		{ "Pan K. ma gdzie spać przez zimę.",
		  "Przyjęty do schroniska.", 14, "high", "open" },
		{ "Pan K. ma opiekę lekarską.",
		  "Wizyta u lekarza rodzinnego.", 30, "medium", "open" } },
	  .actions = {
		{ .goal = 1, .service = "Schronisko dla osób w kryzysie",
		  .start = -4, .due = 10, .status = "planned" },
		{ .goal = 2, .text = "Zapisanie do lekarza rodzinnego w "
		  "SPZOZ.", .partner = "SPZOZ Brzozowa Wola", .start = 2,
		  .due = 20, .status = "planned" },
		{ .goal = 1, .service = "Najem socjalny lokalu",
		  .commitment = "Pan złoży wniosek o lokal.", .start = 5,
		  .due = 60, .status = "planned" } } },

	/* 19. New: a draft plan, a young mother with a baby. */
	{ .status = "new", .manager = NOWAK, .basis = "consent",
	  .consent = -9, .scope = "Dane w zakresie wsparcia mamy i "
	  "niemowlęcia, kontakt z położną.", .opened = -9,
	  .members = { { "matka", 19, NULL }, { "córka (niemowlę)", 0,
		       NULL }, { "babcia", 47, NULL } },
	  .plan = "draft", .plan_from = -3,
	  .diag = {
		{ "opieka_nad_dziecmi",
		  "Pani L. (19 lat) mieszka z mamą i córką (3 miesiące). "
		  "Ojciec dziecka nie utrzymuje kontaktu.",
		  "Wsparcie w opiece nad niemowlęciem, powrót do szkoły.",
		  "Babcia pomaga, pani bardzo dba o dziecko.",
		  "„Chcę skończyć szkołę, żeby mała miała lepiej.”" },
		{ "edukacja",
		  "Pani przerwała naukę w liceum w 3. klasie.",
		  "Dokończenie szkoły w trybie dla dorosłych.",
		  "Dobre oceny przed ciążą.",
		  "„Matura to mój cel.”" } },
	  .goals = {
		{ "Pani L. czuje się pewnie w opiece nad córką.",
		  "Wizyty położnej, szczepienia w terminie.", 60, "medium",
		  "open" },
		{ "Pani L. wraca do nauki.", "Zapis do szkoły dla "
		  "dorosłych.", 120, "medium", "open" } },
	  .actions = {
		{ .goal = 1, .service = "Położna środowiskowa",
		  .start = 1, .due = 30, .status = "planned" },
		{ .goal = 1, .service = "Klub Rodzica w Olszynce",
		  .start = 7, .due = 60, .status = "planned" },
		{ .goal = 2, .service = "Żłobek Gminny",
		  .commitment = "Pani złoży wniosek o miejsce od września.",
		  .start = 10, .due = 90, .status = "planned" } } },

	/* 20. Closed: back at work, goals achieved. */
	{ .status = "closed", .manager = WISNIEWSKI, .basis = "consent",
	  .consent = -400, .scope = "Dane w zakresie aktywizacji "
	  "zawodowej.", .opened = -400, .closed = -40,
	  .members = { { "wnioskodawca", 45, NULL } },
	  .team = { { "PUP Wierzbnik", "Michał Jankowski",
		      "doradca klienta" } },
	  .plan = "closed", .plan_from = -390, .approved = -385,
	  .summary = "Pan M. od trzech miesięcy pracuje w spółdzielni "
		     "socjalnej na umowę o pracę. Zaległości w opłatach "
		     "spłacone. Pan sam zakończył współpracę, wie, gdzie "
		     "się zwrócić w razie potrzeby.",
	  .diag = {
		{ "praca", "Pan M. długotrwale bezrobotny po likwidacji "
		  "zakładu.", "Praca stała.", "Pracowity, ma prawo "
		  "jazdy.", "„Chcę w końcu zarabiać sam.”" },
		{ "dochod", "Zaległości w opłatach za prąd.",
		  "Spłata zaległości.", "Oszczędny.",
		  "„Jak będzie praca, to spłacę.”" } },
	  .goals = {
		{ "Pan M. ma stałą pracę.", "Umowa o pracę.", -60, "high",
		  "achieved" },
		{ "Zaległości za prąd są spłacone.", "Zaświadczenie o braku "
		  "zaległości.", -50, "medium", "achieved" } },
	  .actions = {
		{ .goal = 1, .service = "Klub Integracji Społecznej",
		  .start = -380, .due = -250, .status = "done" },
		{ .goal = 1, .service = "Trening pracy w spółdzielni",
		  .start = -240, .due = -130, .status = "done" },
		{ .goal = 2, .service = "Zasiłek celowy",
		  .start = -370, .due = -340, .status = "done" } },
	  .reviews = {
		{ .date = -45, .participants = "pan M., pracownik socjalny",
		  .notes = "Cele osiągnięte, zamykamy plan.",
		  .progress = { "Umowa o pracę od trzech miesięcy.",
				"Zaległości spłacone." },
		  .status = { "achieved", "achieved" } } } },

	/* 21. Closed: family assistant no longer needed. */
	{ .status = "closed", .manager = NOWAK, .basis = "statutory",
	  .basis_note = ASYSTENT, .opened = -600, .closed = -90,
	  .members = { { "matka", 32, NULL }, { "ojciec", 35, NULL },
		       { "syn", 8, NULL } },
	  .team = { { "GOPS Brzozowa Wola", "Joanna Dudek",
		      "asystent rodziny" } },
	  .plan = "closed", .plan_from = -450, .approved = -445,
	  .summary = "Rodzina samodzielnie organizuje dzień, syn chodzi "
		     "do szkoły regularnie, rodzice ukończyli warsztaty. "
		     "Asystent zakończył pracę za zgodą rodziny.",
	  .diag = {
		{ "opieka_nad_dziecmi", "Rodzice nie radzili sobie z "
		  "zachowaniem syna, częste kary.", "Inne sposoby "
		  "wychowania.", "Rodzice chcieli się uczyć.",
		  "„Krzyczymy, bo nie wiemy, co innego robić.”" },
		{ "codzienne_funkcjonowanie", "Bałagan w dokumentach i "
		  "opłatach.", "Porządek w sprawach domowych.",
		  "Ojciec pracuje stale.", "„Wszystko nam się miesza.”" } },
	  .goals = {
		{ "Rodzice stosują spokojne sposoby wychowania.",
		  "Ukończone warsztaty; mniej konfliktów.", -120, "high",
		  "achieved" },
		{ "Opłaty płacone w terminie.", "Brak zaległości przez "
		  "pół roku.", -100, "medium", "achieved" } },
	  .actions = {
		{ .goal = 1, .service = "Asystent rodziny",
		  .start = -445, .due = -95, .status = "done" },
		{ .goal = 1, .service = "Szkoła dla rodziców",
		  .start = -400, .due = -300, .status = "done" },
		{ .goal = 2, .service = "Warsztaty „Jak gospodarować",
		  .start = -380, .due = -350, .status = "done" } } },

	/* 22. Closed: an old man moved to a care home. */
	{ .status = "closed", .manager = KOWALSKA, .basis = "consent",
	  .consent = -500, .scope = "Dane o zdrowiu w zakresie usług "
	  "opiekuńczych i skierowania do DPS.", .opened = -500,
	  .closed = -20,
	  .members = { { "senior, mieszkał sam", 88, NULL },
		       { "siostrzeniec", 60, NULL } },
	  .plan = "closed", .plan_from = -300, .approved = -298,
	  .summary = "Pan N. na własną prośbę zamieszkał w DPS w Dębowej "
		     "Górze. Sprawę zamknięto.",
	  .diag = {
		{ "zdrowie", "Pan N. po kilku upadkach, wymaga opieki "
		  "całodobowej.", "Opieka całodobowa.", "Pan jest "
		  "pogodny, decyduje sam.", "„Nie chcę już być sam w "
		  "nocy.”" },
		{ "codzienne_funkcjonowanie", "Usługi opiekuńcze 4 godziny "
		  "dziennie nie wystarczają.", "Pobyt w DPS.",
		  "Siostrzeniec pomaga w formalnościach.",
		  "„W Dębowej Górze mam kolegę.”" } },
	  .goals = {
		{ "Pan N. ma opiekę całodobową.", "Decyzja i przyjęcie do "
		  "DPS.", -30, "high", "achieved" },
		{ "Pan N. jest bezpieczny do czasu przyjęcia.",
		  "Brak upadków bez pomocy.", -40, "high", "achieved" } },
	  .actions = {
		{ .goal = 1, .service = "Skierowanie do domu pomocy",
		  .start = -280, .due = -30, .status = "done" },
		{ .goal = 2, .service = "Usługi opiekuńcze w miejscu",
		  .start = -295, .due = -30, .status = "done" },
		{ .goal = 2, .service = "Opaska bezpieczeństwa",
		  .start = -290, .due = -250, .status = "done" } } },

	/* 23. Closed: moved away from the gmina. */
	{ .status = "closed", .manager = WISNIEWSKI, .basis = "consent",
	  .consent = -380, .scope = "Dane rodziny w zakresie planu.",
	  .opened = -380, .closed = -150,
	  .members = { { "matka", 27, NULL }, { "córka", 6, NULL } },
	  .plan = "closed", .plan_from = -370, .approved = -365,
	  .summary = "Rodzina przeprowadziła się do Łodzi. Za zgodą pani "
		     "przekazano informację do MOPS w Łodzi. Plan "
		     "zrealizowany częściowo.",
	  .diag = {
		{ "mieszkanie", "Pani wynajmowała pokój bez umowy.",
		  "Stabilne mieszkanie.", "Pani pracuje.",
		  "„Szukam czegoś bliżej pracy.”" },
		{ "opieka_nad_dziecmi", "Córka bez miejsca w przedszkolu.",
		  "Opieka w godzinach pracy mamy.", "Babcia w Łodzi.",
		  "„Mała musi gdzieś być, jak pracuję.”" } },
	  .goals = {
		{ "Rodzina ma mieszkanie z umową.", "Umowa najmu.", -160,
		  "high", "partly" },
		{ "Córka chodzi do przedszkola.", "Przyjęcie.", -200,
		  "medium", "achieved" } },
	  .actions = {
		{ .goal = 1, .service = "Nieodpłatne poradnictwo obywatelskie",
		  .start = -360, .due = -300, .status = "done" },
		{ .goal = 2, .service = "Punkt przedszkolny w Zagórzu",
		  .start = -350, .due = -200, .status = "done" },
		{ .goal = 1, .service = "Dodatek mieszkaniowy",
		  .start = -300, .due = -160, .status = "dropped" } } },

	/* 24–26. Closed long ago: past the retention period. */
	{ .seq = 3, .status = "closed", .manager = NOWAK,
	  .basis = "consent", .consent = -4600, .scope = "Dane rodziny w "
	  "zakresie pomocy materialnej.", .opened = -4600, .closed = -4200,
	  .members = { { "matka", 52, NULL }, { "syn", 27, NULL } },
	  .plan = "closed", .plan_from = -4590, .approved = -4585,
	  .summary = "Rodzina usamodzielniła się, mama podjęła pracę.",
	  .diag = {
		{ "dochod", "Brak dochodu po odejściu męża.",
		  "Stały dochód.", "Mama zaradna.", "„Poradzimy sobie.”" },
		{ "praca", "Mama bez pracy.", "Praca.", "Doświadczenie w "
		  "szyciu.", "„Mogę szyć.”" } },
	  .goals = {
		{ "Mama ma pracę.", "Umowa.", -4300, "high", "achieved" },
		{ "Rodzina nie ma zaległości.", "Brak zaległości.", -4250,
		  "medium", "achieved" } },
	  .actions = {
		{ .goal = 2, .service = "Zasiłek stały i zasiłek okresowy",
		  .start = -4580, .due = -4400, .status = "done" },
		{ .goal = 1, .service = "Szkolenia zawodowe i bony",
		  .start = -4500, .due = -4350, .status = "done" },
		{ .goal = 1, .service = "Praca socjalna – rozmowa",
		  .start = -4580, .due = -4250, .status = "done" } } },
	{ .seq = 7, .status = "closed", .manager = WISNIEWSKI,
	  .basis = "statutory", .basis_note = ASYSTENT, .opened = -4950,
	  .closed = -4500,
	  .members = { { "matka", 50, NULL }, { "ojciec", 53, NULL },
		       { "córka", 25, NULL } },
	  .plan = "closed", .plan_from = -4940, .approved = -4935,
	  .summary = "Współpraca z asystentem zakończona, cele "
		     "osiągnięte.",
	  .diag = {
		{ "opieka_nad_dziecmi", "Trudności wychowawcze z córką.",
		  "Wsparcie rodziców.", "Rodzice zgodni.",
		  "„Chcemy się dogadać z córką.”" },
		{ "relacje", "Częste kłótnie.", "Spokojniejsze rozmowy.",
		  "Rodzina chce zmiany.", "„Za dużo krzyczymy.”" } },
	  .goals = {
		{ "Córka kończy gimnazjum.", "Świadectwo.", -4600, "high",
		  "achieved" },
		{ "Mniej kłótni w domu.", "Ocena rodziny.", -4550,
		  "medium", "achieved" } },
	  .actions = {
		{ .goal = 1, .service = "Asystent rodziny",
		  .start = -4935, .due = -4510, .status = "done" },
		{ .goal = 2, .service = "Specjalistyczne poradnictwo rodzinne",
		  .start = -4900, .due = -4700, .status = "done" },
		{ .goal = 2, .service = "Mediacje rodzinne w PCPR",
		  .start = -4800, .due = -4650, .status = "done" } } },
	{ .seq = 12, .status = "closed", .manager = KOWALSKA,
	  .basis = "consent", .consent = -5200, .scope = "Dane w zakresie "
	  "pomocy w kryzysie bezdomności.", .opened = -5200,
	  .closed = -4800,
	  .members = { { "wnioskodawca", 70, NULL } },
	  .plan = "closed", .plan_from = -5190, .approved = -5185,
	  .summary = "Pan zamieszkał w lokalu socjalnym, sprawę "
		     "zamknięto.",
	  .diag = {
		{ "mieszkanie", "Pan bez mieszkania po eksmisji.",
		  "Lokal socjalny.", "Pan ma emeryturę.",
		  "„Chcę mieć swój kąt.”" },
		{ "zdrowie", "Nieleczone nadciśnienie.", "Lekarz.",
		  "Pan nie pije.", "„Zdrowie jeszcze jest.”" } },
	  .goals = {
		{ "Pan ma mieszkanie.", "Umowa najmu lokalu socjalnego.",
		  -4900, "high", "achieved" },
		{ "Pan jest pod opieką lekarza.", "Wizyty.", -5000,
		  "medium", "achieved" } },
	  .actions = {
		{ .goal = 1, .service = "Schronisko dla osób w kryzysie",
		  .start = -5190, .due = -4950, .status = "done" },
		{ .goal = 1, .service = "Najem socjalny lokalu",
		  .start = -5150, .due = -4900, .status = "done" },
		{ .goal = 2, .service = "Pielęgniarka środowiskowa",
		  .start = -5100, .due = -5000, .status = "done" } } },
};

/* --- storing ------------------------------------------------------------- */

typedef char demo_id[KZ_ID_LEN + 1];

struct ctx {
	struct kz_db *db;
	const struct kz_config *cfg;
	char today[11];
	int year;
	const struct demo_case *d;
	char *code;
};

/* today + days, or NULL when days is 0 (no date). */
static char *day(const struct ctx *c, int days)
{
	char out[11];

	if (days == 0)
		return NULL;
	kz_date_add_days(c->today, days, out);
	return xstrdup(out);
}

static enum kz_status demo_fail(const struct ctx *c, enum kz_status st,
				struct kz_error *err)
{
	kz_error_prefix(err, _("demo case %s: "), c->code ? c->code : "?");
	return st;
}

static enum kz_status find_partner(const struct ctx *c, const char *name,
				   demo_id id, struct kz_error *err)
{
	enum kz_status st = kz_partner_find_by_name(c->db, name, id, err);

	if (st == KZ_NOT_FOUND)
		st = kz_fail(err, KZ_INVALID, _("no demo partner \"%s\""),
			     name);
	return st;
}

static enum kz_status find_contact(const struct ctx *c, const char *partner_id,
				   const char *name, demo_id id,
				   struct kz_error *err)
{
	enum kz_status st = kz_contact_find_by_name(c->db, partner_id, name,
						    id, err);

	if (st == KZ_NOT_FOUND)
		st = kz_fail(err, KZ_INVALID,
			     _("no demo contact person \"%s\" there"), name);
	return st;
}

/* A basket service (active or suspended) whose title begins with title;
 * its provider into provider. */
static enum kz_status find_service(const struct ctx *c, const char *title,
				   demo_id id, demo_id provider,
				   struct kz_error *err)
{
	struct kz_rows rows = { 0 };
	struct kz_service s;
	enum kz_status st;
	bool found = false;

	st = kz_service_list(c->db, title, NULL, 50, &rows, err);
	if (st != KZ_OK)
		return st;
	for (size_t i = 0; i < rows.n && !found; i++)
		if (rows.v[i].title &&
		    strncmp(rows.v[i].title, title, strlen(title)) == 0) {
			memcpy(id, rows.v[i].id, sizeof(demo_id));
			found = true;
		}
	kz_rows_free(&rows);
	if (!found)
		return kz_fail(err, KZ_INVALID,
			       _("no active service \"%s\" in the demo basket"),
			       title);
	memset(&s, 0, sizeof(s));
	st = kz_service_get(c->db, id, &s, err);
	if (st == KZ_OK)
		memcpy(provider, s.provider_id, sizeof(demo_id));
	kz_service_clear(&s);
	return st;
}

static enum kz_status save_members(const struct ctx *c, const char *case_id,
				   struct kz_error *err)
{
	for (size_t i = 0; i < MAX_MEMBERS && c->d->members[i].role; i++) {
		const struct demo_member *dm = &c->d->members[i];
		struct kz_member m;
		enum kz_status st;

		memset(&m, 0, sizeof(m));
		m.case_id = xstrdup(case_id);
		m.role = xstrdup(dm->role);
		m.birth_year = xasprintf("%d", c->year - dm->age);
		m.name = xstrdup_or_null(dm->name);
		st = kz_member_save(c->db, &m, err);
		kz_member_clear(&m);
		if (st != KZ_OK)
			return st;
	}
	return KZ_OK;
}

static enum kz_status save_team(const struct ctx *c, const char *case_id,
				struct kz_error *err)
{
	for (size_t i = 0; i < MAX_TEAM && c->d->team[i].contact; i++) {
		const struct demo_team *dt = &c->d->team[i];
		struct kz_team_member t;
		demo_id partner, contact;
		enum kz_status st;

		st = find_partner(c, dt->partner, partner, err);
		if (st == KZ_OK)
			st = find_contact(c, partner, dt->contact, contact, err);
		if (st != KZ_OK)
			return st;
		memset(&t, 0, sizeof(t));
		t.case_id = xstrdup(case_id);
		t.contact_id = xstrdup(contact);
		t.role = xstrdup(dt->role);
		st = kz_team_save(c->db, &t, err);
		kz_team_member_clear(&t);
		if (st != KZ_OK)
			return st;
	}
	return KZ_OK;
}

static enum kz_status save_diagnoses(const struct ctx *c, const char *plan_id,
				     struct kz_error *err)
{
	for (size_t i = 0; i < MAX_DIAG && c->d->diag[i].area; i++) {
		const struct demo_diag *dd = &c->d->diag[i];
		struct kz_diagnosis g;
		enum kz_status st;

		memset(&g, 0, sizeof(g));
		g.plan_id = xstrdup(plan_id);
		g.need_area = xstrdup(dd->area);
		g.situation = xstrdup_or_null(dd->situation);
		g.needs = xstrdup_or_null(dd->needs);
		g.strengths = xstrdup_or_null(dd->strengths);
		g.family_view = xstrdup_or_null(dd->view);
		st = kz_diagnosis_save(c->db, c->cfg, &g, err);
		kz_diagnosis_clear(&g);
		if (st != KZ_OK)
			return st;
	}
	return KZ_OK;
}

static enum kz_status save_goals(const struct ctx *c, const char *plan_id,
				 demo_id *goal_ids, struct kz_error *err)
{
	for (size_t i = 0; i < MAX_GOALS && c->d->goals[i].what; i++) {
		const struct demo_goal *dg = &c->d->goals[i];
		struct kz_goal g;
		enum kz_status st;

		memset(&g, 0, sizeof(g));
		g.plan_id = xstrdup(plan_id);
		g.what = xstrdup(dg->what);
		g.indicator = xstrdup_or_null(dg->indicator);
		g.target_date = day(c, dg->target);
		g.priority = xstrdup(dg->priority ? dg->priority : "medium");
		g.status = xstrdup(dg->status ? dg->status : "open");
		st = kz_goal_save(c->db, &g, err);
		if (st == KZ_OK)
			memcpy(goal_ids[i], g.id, sizeof(demo_id));
		kz_goal_clear(&g);
		if (st != KZ_OK)
			return st;
	}
	return KZ_OK;
}

static enum kz_status save_action(const struct ctx *c, const char *plan_id,
				  const demo_id *goal_ids,
				  const struct demo_action *da,
				  struct kz_error *err)
{
	struct kz_action a;
	demo_id service = "", partner = "", contact = "";
	enum kz_status st = KZ_OK;

	if (da->service)
		st = find_service(c, da->service, service, partner, err);
	if (st == KZ_OK && da->partner)
		st = find_partner(c, da->partner, partner, err);
	if (st == KZ_OK && da->contact)
		st = find_contact(c, partner[0] ? partner : NULL, da->contact,
				  contact, err);
	if (st != KZ_OK)
		return st;
	memset(&a, 0, sizeof(a));
	a.plan_id = xstrdup(plan_id);
	a.goal_id = da->goal > 0 ? xstrdup(goal_ids[da->goal - 1]) : NULL;
	a.service_id = service[0] ? xstrdup(service) : NULL;
	a.free_text = xstrdup_or_null(da->text);
	a.partner_id = partner[0] ? xstrdup(partner) : NULL;
	a.contact_id = contact[0] ? xstrdup(contact) : NULL;
	a.family_commitment = xstrdup_or_null(da->commitment);
	a.referral_date = day(c, da->referral);
	a.referred_by = da->referral ? xstrdup(c->d->manager) : NULL;
	a.referral_answer = xstrdup_or_null(da->answer);
	a.answer_date = day(c, da->answered);
	a.start_date = day(c, da->start);
	a.due_date = day(c, da->due);
	a.status = xstrdup(da->status ? da->status : "planned");
	st = kz_action_save(c->db, &a, err);
	if (st != KZ_OK && da->service)
		kz_error_prefix(err, "\"%s\": ", da->service);
	kz_action_clear(&a);
	return st;
}

static enum kz_status save_review(const struct ctx *c, const char *plan_id,
				  const demo_id *goal_ids,
				  const struct demo_review *dr,
				  struct kz_error *err)
{
	struct kz_review r;
	enum kz_status st;

	memset(&r, 0, sizeof(r));
	r.plan_id = xstrdup(plan_id);
	r.review_date = day(c, dr->date);
	r.participants = xstrdup_or_null(dr->participants);
	r.notes = xstrdup_or_null(dr->notes);
	r.next_review_date = day(c, dr->next);
	st = kz_review_save(c->db, &r, err);
	for (size_t i = 0; st == KZ_OK && i < MAX_GOALS; i++) {
		struct kz_progress p;

		if (!dr->progress[i] || !goal_ids[i][0])
			continue;
		memset(&p, 0, sizeof(p));
		p.review_id = xstrdup(r.id);
		p.goal_id = xstrdup(goal_ids[i]);
		p.progress = xstrdup(dr->progress[i]);
		p.goal_status = xstrdup_or_null(dr->status[i]);
		st = kz_progress_save(c->db, &p, err);
		kz_progress_clear(&p);
	}
	kz_review_clear(&r);
	return st;
}

static enum kz_status save_plan(const struct ctx *c, const char *case_id,
				struct kz_error *err)
{
	const struct demo_case *d = c->d;
	demo_id goal_ids[MAX_GOALS];
	struct kz_plan p;
	enum kz_status st;

	memset(goal_ids, 0, sizeof(goal_ids));
	memset(&p, 0, sizeof(p));
	p.case_id = xstrdup(case_id);
	p.status = xstrdup("draft");
	p.valid_from = day(c, d->plan_from);
	st = kz_plan_save(c->db, c->cfg, &p, err);
	if (st == KZ_OK)
		st = save_diagnoses(c, p.id, err);
	if (st == KZ_OK)
		st = save_goals(c, p.id, goal_ids, err);
	for (size_t i = 0; st == KZ_OK && i < MAX_ACTIONS; i++)
		if (d->actions[i].service || d->actions[i].text)
			st = save_action(c, p.id, (const demo_id *)goal_ids,
					 &d->actions[i], err);
	if (st == KZ_OK && strcmp(d->plan, "draft") != 0) {
		kz_str_set(&p.status, "approved");
		kz_str_set(&p.approved_by, KOWALSKA);
		free(p.approved_on);
		p.approved_on = day(c, d->approved ? d->approved : d->plan_from);
		st = kz_plan_save(c->db, c->cfg, &p, err);
	}
	for (size_t i = 0; st == KZ_OK && i < MAX_REVIEWS; i++)
		if (d->reviews[i].date)
			st = save_review(c, p.id, (const demo_id *)goal_ids,
					 &d->reviews[i], err);
	if (st == KZ_OK && strcmp(d->plan, "closed") == 0) {
		kz_str_set(&p.status, "closed");
		kz_str_set(&p.closing_summary, d->summary);
		st = kz_plan_save(c->db, c->cfg, &p, err);
	}
	kz_plan_clear(&p);
	return st;
}

static enum kz_status save_case(struct ctx *c, struct kz_error *err)
{
	const struct demo_case *d = c->d;
	struct kz_case k;
	enum kz_status st = KZ_OK;

	memset(&k, 0, sizeof(k));
	k.opened_on = day(c, d->opened);
	if (d->seq)
		k.code = xasprintf("R/%.4s/%03d", k.opened_on, d->seq);
	else
		st = kz_case_next_code(c->db, c->cfg, &k.code, err);
	if (st != KZ_OK) {
		kz_case_clear(&k);
		return st;
	}
	free(c->code);
	c->code = xstrdup(k.code);
	k.status = xstrdup(d->status);
	k.manager = xstrdup(d->manager);
	k.legal_basis = xstrdup(d->basis);
	k.legal_basis_note = xstrdup_or_null(d->basis_note);
	k.consent_date = day(c, d->consent);
	k.consent_scope = xstrdup_or_null(d->scope);
	k.closed_on = day(c, d->closed);
	k.notes = xstrdup_or_null(d->notes);
	st = kz_case_save(c->db, c->cfg, &k, err);
	if (st == KZ_OK)
		st = save_members(c, k.id, err);
	if (st == KZ_OK)
		st = save_team(c, k.id, err);
	if (st == KZ_OK && d->plan)
		st = save_plan(c, k.id, err);
	kz_case_clear(&k);
	return st;
}

/* The demo cases name need areas and users of the example configuration;
 * refuse a configuration without them before writing anything. */
static enum kz_status check_config(const struct kz_config *cfg,
				   struct kz_error *err)
{
	for (size_t i = 0; i < COUNT(demo_cases); i++) {
		const struct demo_case *d = &demo_cases[i];
		if (!kz_config_user(cfg, d->manager))
			return kz_fail(err, KZ_INVALID,
				       _("The demo cases need the user \"%s\", "
					 "but the configuration does not "
					 "define it. Create the demo with the "
					 "example configuration."),
				       d->manager);
		for (size_t j = 0; j < MAX_DIAG && d->diag[j].area; j++) {
			bool known = false;
			for (size_t k = 0; k < cfg->need_areas.n; k++)
				if (strcmp(cfg->need_areas.v[k].code,
					   d->diag[j].area) == 0)
					known = true;
			if (!known)
				return kz_fail(err, KZ_INVALID,
					       _("The demo cases need the need "
						 "area \"%s\", but the "
						 "configuration does not define "
						 "it. Create the demo with the "
						 "example configuration."),
					       d->diag[j].area);
		}
	}
	return KZ_OK;
}

enum kz_status kz_demo_cases_fill(struct kz_db *db,
				  const struct kz_config *cfg,
				  struct kz_error *err)
{
	char *previous = xstrdup_or_null(kz_db_user(db));
	struct ctx c;
	enum kz_status st;

	memset(&c, 0, sizeof(c));
	c.db = db;
	c.cfg = cfg;
	kz_today(c.today);
	c.year = (int)strtol(c.today, NULL, 10);
	st = check_config(cfg, err);
	if (st == KZ_OK)
		st = kz_db_begin(db, err);
	if (st != KZ_OK) {
		free(previous);
		return st;
	}
	for (size_t i = 0; st == KZ_OK && i < COUNT(demo_cases); i++) {
		c.d = &demo_cases[i];
		/* Each case is written by its case manager. */
		kz_db_set_user(db, c.d->manager);
		st = save_case(&c, err);
		if (st != KZ_OK)
			demo_fail(&c, st, err);
	}
	if (previous)
		kz_db_set_user(db, previous);
	if (st == KZ_OK)
		st = kz_db_commit(db, err);
	else
		kz_db_rollback(db);
	free(c.code);
	free(previous);
	return st;
}
