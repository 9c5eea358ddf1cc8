/* The demo meetings: a year of the Partnerski Zespół Kooperacyjny of the
 * fictional Gmina Brzozowa Wola (every one to two months, hosted in turn
 * by the partners), the next meeting already called, and a few meetings
 * of case teams (Zadaniowy Zespół Kooperacyjny) of demo cases. Agendas,
 * minutes and decisions are written as the network worker would write
 * them; attendees are demo contact persons (some absent); tasks are
 * done, dropped, open, and some overdue. Every date is in days relative
 * to today, so the mix is the same whenever the demo runs. Partners are
 * named by their short names, persons by name; a case by a person of its
 * team. */
#include "koszyk/demo.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "koszyk/basket.h"
#include "koszyk/cases.h"
#include "koszyk/i18n.h"
#include "koszyk/meetings.h"
#include "koszyk/util.h"
#include "koszyk/xalloc.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_PEOPLE 10
#define MAX_DECISIONS 5
#define MAX_TASKS 4

#define PZK "Posiedzenie Partnerskiego Zespołu Kooperacyjnego"

struct demo_person {
	const char *partner;    /* short name */
	const char *name;
	bool absent;
};

struct demo_task {
	const char *title;
	const char *partner;    /* owner: short name */
	const char *contact;    /* owner person */
	int due;                /* days from today */
	const char *status;     /* open | done | dropped */
	int closed;             /* done/dropped: days from today */
};

struct demo_meeting {
	int day;                /* days from today */
	const char *time;
	const char *title;      /* NULL: PZK with its number */
	const char *host;       /* short name; NULL for case teams */
	const char *place;
	const char *case_contact; /* case team: a person of the case's team */
	const char *agenda, *minutes;
	struct demo_person people[MAX_PEOPLE];
	const char *decisions[MAX_DECISIONS];
	struct demo_task tasks[MAX_TASKS];
};

#define KOWALSKA { "GOPS Brzozowa Wola", "Anna Kowalska", false }

static const struct demo_meeting demo_meetings[] = {
	{ .day = -350, .time = "10:00", .host = "GOPS Brzozowa Wola",
	  .place = "GOPS, ul. Główna 12, sala konferencyjna (parter)",
	  .agenda = "1. Otwarcie, przyjęcie porządku.\n"
		    "2. Podsumowanie naboru deklaracji przystąpienia.\n"
		    "3. Zasady aktualizacji Lokalnego Koszyka Usług.\n"
		    "4. Harmonogram posiedzeń na rok.\n"
		    "5. Sprawy różne.",
	  .minutes = "Posiedzenie otworzyła Anna Kowalska (GOPS). Deklaracje "
		     "podpisało do tej pory 24 partnerów, kilku współpracuje "
		     "bez deklaracji – przypomniano, że brak podpisu nie "
		     "wyklucza z udziału w pracach zespołu. Omówiono wzór "
		     "karty usługi do koszyka i to, kto i jak często ją "
		     "weryfikuje. Partnerzy zgodzili się, że posiedzenia "
		     "będą się odbywać co 1–2 miesiące, za każdym razem u "
		     "innego partnera.",
	  .people = { KOWALSKA,
		      { "UG Brzozowa Wola", "Agnieszka Kubiak", false },
		      { "SP Brzozowa Wola", "Paweł Kaczmarek", false },
		      { "PUP Wierzbnik", "Barbara Kozłowska", false },
		      { "GOK Brzozowa Wola", "Kinga Ziółkowska", false },
		      { "Posterunek Brzozowa Wola", "Kamil Wysocki", true },
		      { "Caritas parafii św. Józefa", "Bożena Kaczmarczyk", false } },
	  .decisions = { "Przyjęto wzór karty usługi Lokalnego Koszyka Usług.",
			 "Każdy partner weryfikuje swoje wpisy w koszyku co najmniej raz na pół roku.",
			 "Posiedzenia PZK odbywają się rotacyjnie u kolejnych partnerów." },
	  .tasks = { { "Przesłać partnerom wzór karty usługi", "GOPS Brzozowa Wola",
		       "Anna Kowalska", -340, "done", -343 },
		     { "Zebrać opisy zajęć pozalekcyjnych do koszyka", "SP Brzozowa Wola",
		       "Paweł Kaczmarek", -320, "done", -322 } } },
	{ .day = -300, .time = "10:00", .host = "SP Brzozowa Wola",
	  .place = "Szkoła Podstawowa w Brzozowej Woli, pokój nauczycielski",
	  .agenda = "1. Wsparcie dzieci i młodzieży w gminie – co mamy, czego brakuje.\n"
		    "2. Pierwsza wersja koszyka.\n"
		    "3. Sprawy różne.",
	  .minutes = "Pedagog szkolna przedstawiła potrzeby uczniów: brakuje "
		     "pomocy psychologicznej na miejscu i zajęć popołudniowych "
		     "w Olszynce. Poradnia z Wierzbnika może dyżurować raz w "
		     "miesiącu w szkole, jeśli gmina zapewni salę. GOK "
		     "zaproponował świetlicę w Olszynce dwa razy w tygodniu. "
		     "Pierwsza wersja koszyka ma 118 pozycji.",
	  .people = { KOWALSKA,
		      { "SP Brzozowa Wola", "Magdalena Sowa", false },
		      { "PPP Wierzbnik", "Łukasz Borkowski", false },
		      { "GOK Brzozowa Wola", "Rafał Kowalczyk", false },
		      { "SP Olszynka", "Renata Górska", true },
		      { "UG Brzozowa Wola", "Agnieszka Kubiak", false } },
	  .decisions = { "Poradnia Psychologiczno-Pedagogiczna dyżuruje w SP Brzozowa Wola w pierwszy wtorek miesiąca.",
			 "GOK uruchamia świetlicę w Olszynce (wtorki i czwartki 15–18)." },
	  .tasks = { { "Ustalić salę na dyżury poradni", "SP Brzozowa Wola",
		       "Magdalena Sowa", -285, "done", -290 },
		     { "Dopisać świetlicę w Olszynce do koszyka", "GOK Brzozowa Wola",
		       "Kinga Ziółkowska", -280, "done", -275 } } },
	{ .day = -245, .time = "09:30", .host = "PUP Wierzbnik",
	  .place = "Powiatowy Urząd Pracy w Wierzbniku, sala 14",
	  .agenda = "1. Aktywizacja osób długotrwale bezrobotnych – oferta PUP i CIS.\n"
		    "2. Transport na zajęcia z Olszynki i Zagórza.\n"
		    "3. Sprawy różne.",
	  .minutes = "PUP przedstawił programy na ten rok, w tym prace "
		     "społecznie użyteczne. CIS ma wolne miejsca od "
		     "kwietnia. Największą przeszkodą jest dojazd – firma "
		     "„Trans-Wola” zgodziła się wycenić dowóz dwa razy w "
		     "tygodniu. Przedstawiciel Straży Gminnej nieobecny.",
	  .people = { KOWALSKA,
		      { "PUP Wierzbnik", "Barbara Kozłowska", false },
		      { "PUP Wierzbnik", "Michał Jankowski", false },
		      { "CIS Wierzbnik", "Jolanta Walczak", false },
		      { "„Trans-Wola”", "Jan Sikora", false },
		      { "Straż Gminna", NULL, true },
		      { "UG Brzozowa Wola", "Agnieszka Kubiak", false } },
	  .decisions = { "GOPS i PUP wspólnie kierują osoby do CIS; lista osób co miesiąc.",
			 "Wycena dowozu z Olszynki i Zagórza zostanie przedstawiona wójtowi." },
	  .tasks = { { "Przygotować wycenę dowozu na zajęcia CIS", "„Trans-Wola”",
		       "Jan Sikora", -230, "done", -232 },
		     { "Przedstawić wójtowi wniosek o dofinansowanie dowozu", "UG Brzozowa Wola",
		       "Agnieszka Kubiak", -200, "dropped", -190 } } },
	{ .day = -190, .time = "10:00", .host = "GBP Brzozowa Wola",
	  .place = "Gminna Biblioteka Publiczna, czytelnia",
	  .agenda = "1. Seniorzy: samotność, opieka, zdrowie.\n"
		    "2. Weryfikacja wpisów w koszyku – stan.\n"
		    "3. Sprawy różne.",
	  .minutes = "Senior+ i UTW opowiedzieli o swoich zajęciach; "
		     "biblioteka proponuje „Książkę na telefon” dla osób, "
		     "które nie wychodzą z domu. Z weryfikacji: 31 wpisów "
		     "nie sprawdzano od pół roku – listę rozesłano. Ustalono "
		     "wspólną akcję informacyjną w przychodni.",
	  .people = { KOWALSKA,
		      { "GBP Brzozowa Wola", "Grażyna Szulc", false },
		      { "Senior+ Zagórze", "Halina Czerwińska", false },
		      { "UTW Brzozowa Wola", "Henryka Bielecka", false },
		      { "SPZOZ Brzozowa Wola", "Izabela Nowicka", true },
		      { "Caritas parafii św. Józefa", "Tadeusz Wrona", false } },
	  .decisions = { "Biblioteka uruchamia usługę „Książka na telefon” dla seniorów.",
			 "Partnerzy z listy nieaktualnych wpisów sprawdzają je do końca miesiąca.",
			 "Ulotka o usługach dla seniorów trafi do przychodni i parafii." },
	  .tasks = { { "Przygotować ulotkę o usługach dla seniorów", "GOPS Brzozowa Wola",
		       "Anna Kowalska", -160, "done", -158 },
		     { "Zweryfikować wpisy zajęć dla seniorów w koszyku", "Senior+ Zagórze",
		       "Halina Czerwińska", -150, "open", 0 } } },
	{ .day = -140, .time = "10:00", .host = "Senior+ Zagórze",
	  .place = "Dzienny Dom „Senior+”, Zagórze 5",
	  .agenda = "1. Przemoc domowa – współpraca z Zespołem Interdyscyplinarnym.\n"
		    "2. Wakacje dzieci: oferta partnerów.\n"
		    "3. Sprawy różne.",
	  .minutes = "Przewodnicząca ZI przypomniała procedurę Niebieskiej "
		     "Karty i to, kto może ją wszcząć. Policja zaproponowała "
		     "szkolenie dla nauczycieli i pracowników świetlic. Na "
		     "wakacje: półkolonie w GOK, obóz LKS, zajęcia w bibliotece.",
	  .people = { KOWALSKA,
		      { "Zespół Interdyscyplinarny", "Beata Mazur", false },
		      { "Posterunek Brzozowa Wola", "Marcin Zając", false },
		      { "Senior+ Zagórze", "Halina Czerwińska", false },
		      { "GOK Brzozowa Wola", "Kinga Ziółkowska", false },
		      { "LKS „Brzozowianka”", NULL, true } },
	  .decisions = { "Posterunek Policji przeprowadzi szkolenie o procedurze Niebieskiej Karty dla szkół i świetlic.",
			 "Oferta wakacyjna partnerów zostanie opublikowana w koszyku do końca maja." },
	  .tasks = { { "Zorganizować szkolenie o Niebieskiej Karcie", "Posterunek Brzozowa Wola",
		       "Marcin Zając", -60, "open", 0 },
		     { "Dopisać półkolonie i obóz do koszyka", "GOK Brzozowa Wola",
		       "Kinga Ziółkowska", -110, "done", -112 } } },
	{ .day = -85, .time = "10:00", .host = "GOK Brzozowa Wola",
	  .place = "Gminny Ośrodek Kultury, sala widowiskowa",
	  .agenda = "1. Podsumowanie półrocza: ilu osobom pomogliśmy razem.\n"
		    "2. Luki w koszyku – czego szukali pracownicy i nie znaleźli.\n"
		    "3. Sprawy różne.",
	  .minutes = "Pracownicy socjalni wskazali luki: brak mieszkań "
		     "wspieranych, brak terapii dla sprawców przemocy na "
		     "miejscu, długie kolejki do psychiatry dziecięcego. "
		     "Stowarzyszenie „Dach nad Głową” rozważa mieszkanie "
		     "treningowe. Równomierność zadań: większość zadań "
		     "spoczywa na GOPS – partnerzy zgodzili się to zmienić.",
	  .people = { KOWALSKA,
		      { "GOPS Brzozowa Wola", "Marta Nowak", false },
		      { "GOK Brzozowa Wola", "Rafał Kowalczyk", false },
		      { "Stowarzyszenie „Dach nad Głową”", "Leszek Makowski", false },
		      { "CZP Wierzbnik", "Ryszard Malinowski", true },
		      { "PCPR Wierzbnik", "Katarzyna Zielińska", false },
		      { "UG Brzozowa Wola", "Agnieszka Kubiak", false } },
	  .decisions = { "Zadania z posiedzeń dzielimy równo między partnerów, nie tylko GOPS.",
			 "Stowarzyszenie „Dach nad Głową” przygotuje koncepcję mieszkania treningowego.",
			 "PCPR sprawdzi możliwość programu korekcyjno-edukacyjnego w gminie." },
	  .tasks = { { "Koncepcja mieszkania treningowego", "Stowarzyszenie „Dach nad Głową”",
		       "Leszek Makowski", -20, "open", 0 },
		     { "Rozeznać program korekcyjno-edukacyjny w Brzozowej Woli", "PCPR Wierzbnik",
		       "Katarzyna Zielińska", 30, "open", 0 },
		     { "Zestawienie luk w koszyku dla wójta", "GOPS Brzozowa Wola",
		       "Anna Kowalska", -40, "open", 0 } } },
	{ .day = -35, .time = "10:00", .host = "PCPR Wierzbnik",
	  .place = "PCPR w Wierzbniku, ul. Kościuszki 3, sala 2",
	  .agenda = "1. Piecza zastępcza i rodziny wspierające.\n"
		    "2. Stan zadań z poprzednich posiedzeń.\n"
		    "3. Monitoring: raport z koszyka.",
	  .minutes = "PCPR szuka rodzin wspierających w gminie; parafia i "
		     "KGW obiecały rozpowszechnić informację. Przegląd "
		     "zadań: część przeterminowana (szkolenie o Niebieskiej "
		     "Karcie, zestawienie luk) – terminy przesunięto. "
		     "Raport z koszyka: 12 usług bez weryfikacji.",
	  .people = { KOWALSKA,
		      { "PCPR Wierzbnik", "Katarzyna Zielińska", false },
		      { "PCPR Wierzbnik", "Monika Wawrzyniak", false },
		      { "Caritas parafii św. Józefa", "Bożena Kaczmarczyk", false },
		      { "KGW „Olszynianki”", "Genowefa Piątek", false },
		      { "Posterunek Brzozowa Wola", "Marcin Zając", true } },
	  .decisions = { "Informacja o rodzinach wspierających trafi do ogłoszeń parafialnych i na zebrania KGW.",
			 "Zadania przeterminowane omawiamy na początku każdego posiedzenia." },
	  .tasks = { { "Ogłoszenie o rodzinach wspierających w parafii", "Caritas parafii św. Józefa",
		       "Bożena Kaczmarczyk", -14, "open", 0 },
		     { "Informacja o rodzinach wspierających na zebraniu KGW", "KGW „Olszynianki”",
		       "Genowefa Piątek", -21, "done", -25 },
		     { "Wezwać partnerów do weryfikacji 12 wpisów", "GOPS Brzozowa Wola",
		       "Anna Kowalska", 7, "open", 0 } } },
	{ .day = 21, .time = "10:00", .host = "KGW „Olszynianki”",
	  .place = "Remiza w Olszynce (sala KGW)",
	  .agenda = "1. Stan zadań z poprzednich posiedzeń.\n"
		    "2. Plan pracy partnerstwa na przyszły rok.\n"
		    "3. Wybór gospodarza kolejnego posiedzenia.\n"
		    "4. Sprawy różne.",
	  .people = { KOWALSKA,
		      { "KGW „Olszynianki”", "Genowefa Piątek", false },
		      { "SP Olszynka", "Renata Górska", false },
		      { "Fundacja „Razem”", "Hubert Krajewski", false } } },

	/* case teams */
	{ .day = -90, .time = "13:00", .case_contact = "Wanda Jaworska",
	  .place = "GOPS, pokój 5",
	  .agenda = "1. Zadłużenie czynszowe – porozumienie z ZGM.\n"
		    "2. Praca dla mamy.\n"
		    "3. Wsparcie córki w szkole.",
	  .minutes = "ZGM zgadza się na spłatę zaległości w ratach po 200 zł, "
		     "jeśli bieżący czynsz będzie płacony. PUP ma ofertę "
		     "stażu w sklepie w Brzozowej Woli od przyszłego "
		     "miesiąca. Pedagog: córka ma zaległości z matematyki, "
		     "zajęcia wyrównawcze we wtorki.",
	  .people = { { "GOPS Brzozowa Wola", "Marta Nowak", false },
		      { "ZGM Brzozowa Wola", "Wanda Jaworska", false },
		      { "PUP Wierzbnik", "Michał Jankowski", false },
		      { "SP Brzozowa Wola", "Magdalena Sowa", true } },
	  .decisions = { "Porozumienie o spłacie zaległości w ratach po 200 zł miesięcznie.",
			 "Pani rozpocznie staż z PUP od 1. dnia przyszłego miesiąca." },
	  .tasks = { { "Przygotować porozumienie o spłacie", "ZGM Brzozowa Wola",
		       "Wanda Jaworska", -80, "done", -82 },
		     { "Skierowanie na staż", "PUP Wierzbnik", "Michał Jankowski",
		       -70, "done", -72 },
		     { "Informacja o frekwencji córki na zajęciach wyrównawczych",
		       "SP Brzozowa Wola", "Magdalena Sowa", -10, "open", 0 } } },
	{ .day = -30, .time = "12:00", .case_contact = "Natalia Stępień",
	  .place = "GOPS, pokój 5 (spotkanie zamknięte)",
	  .agenda = "1. Bezpieczeństwo pani i dzieci.\n"
		    "2. Pomoc prawna i psychologiczna.\n"
		    "3. Dalsze kroki w procedurze Niebieskiej Karty.",
	  .minutes = "Dzielnicowy potwierdził wizyty kontrolne raz w "
		     "tygodniu. Fundacja zapewni konsultacje prawne (podział "
		     "majątku, alimenty) i wsparcie psychologa w Łodzi; "
		     "dojazd pokryje GOPS. Następne spotkanie za miesiąc.",
	  .people = { { "GOPS Brzozowa Wola", "Marta Nowak", false },
		      { "Zespół Interdyscyplinarny", "Beata Mazur", false },
		      { "Posterunek Brzozowa Wola", "Marcin Zając", false },
		      { "Fundacja „Niebieski Parasol”", "Natalia Stępień", false } },
	  .decisions = { "Wizyty dzielnicowego raz w tygodniu do odwołania.",
			 "GOPS pokrywa koszt dojazdu na konsultacje w Łodzi." },
	  .tasks = { { "Umówić konsultację prawną", "Fundacja „Niebieski Parasol”",
		       "Natalia Stępień", -20, "done", -24 },
		     { "Notatka z wizyt dzielnicowego dla ZI", "Posterunek Brzozowa Wola",
		       "Marcin Zając", -2, "open", 0 } } },
	{ .day = -12, .time = "11:00", .case_contact = "Olena Kovalenko",
	  .place = "GOPS, pokój 3; tłumaczenie: Fundacja „Wspólny Dom” (telefonicznie)",
	  .agenda = "1. Legalizacja pobytu i dokumenty.\n"
		    "2. Szkoła dla dzieci, nauka polskiego.",
	  .minutes = "Fundacja pomoże złożyć wniosek o pobyt czasowy; brakuje "
		     "zaświadczenia o zameldowaniu. Szkoła przyjmie dzieci do "
		     "oddziału przygotowawczego.",
	  .people = { { "GOPS Brzozowa Wola", "Piotr Wiśniewski", false },
		      { "Fundacja „Wspólny Dom”", "Olena Kovalenko", false },
		      { "SP Brzozowa Wola", "Magdalena Sowa", false } },
	  .decisions = { "Dzieci rozpoczną naukę w oddziale przygotowawczym." },
	  .tasks = { { "Pomoc w złożeniu wniosku o pobyt czasowy", "Fundacja „Wspólny Dom”",
		       "Olena Kovalenko", 14, "open", 0 },
		     { "Zaświadczenie o zameldowaniu", "UG Brzozowa Wola",
		       "Agnieszka Kubiak", -3, "open", 0 } } },
};

struct ctx {
	struct kz_db *db;
	char today[11];
};

static void day(const struct ctx *c, int days, char out[11])
{
	kz_date_add_days(c->today, days, out);
}

static enum kz_status partner_id(struct ctx *c, const char *name,
				 char id[KZ_ID_LEN + 1], struct kz_error *err)
{
	enum kz_status st = kz_partner_find_by_name(c->db, name, id, err);

	if (st != KZ_OK)
		kz_error_prefix(err, _("demo meeting: "));
	return st == KZ_NOT_FOUND ? KZ_INVALID : st;
}

/* A contact of the partner by name; without a name, its first contact. */
static enum kz_status contact_id(struct ctx *c, const char *partner,
				 const char *name, char id[KZ_ID_LEN + 1],
				 struct kz_error *err)
{
	char pid[KZ_ID_LEN + 1];
	enum kz_status st = partner_id(c, partner, pid, err);

	if (st != KZ_OK)
		return st;
	if (!name) {
		struct kz_rows rows = { 0 };
		st = kz_contact_list(c->db, pid, NULL, 1, &rows, err);
		if (st == KZ_OK && rows.n == 0)
			st = kz_fail(err, KZ_INVALID, _("demo meeting: %s has no contact person"),
				     partner);
		if (st == KZ_OK)
			memcpy(id, rows.v[0].id, KZ_ID_LEN + 1);
		kz_rows_free(&rows);
		return st;
	}
	st = kz_contact_find_by_name(c->db, pid, name, id, err);
	return st == KZ_NOT_FOUND ? KZ_INVALID : st;
}

/* The first case (by code) whose team has this person. */
static enum kz_status case_of(struct ctx *c, const char *person,
			      char id[KZ_ID_LEN + 1], struct kz_error *err)
{
	struct kz_rows rows = { 0 };
	enum kz_status st = kz_case_list(c->db, NULL, NULL, &rows, err);
	bool found = false;

	for (size_t i = 0; st == KZ_OK && i < rows.n && !found; i++) {
		struct kz_team team = { 0 };
		if (rows.v[i].archived)
			continue;
		st = kz_team_of(c->db, rows.v[i].id, &team, err);
		for (size_t k = 0; st == KZ_OK && k < team.n && !found; k++)
			if (team.v[k].contact_name && strcmp(team.v[k].contact_name, person) == 0) {
				memcpy(id, rows.v[i].id, KZ_ID_LEN + 1);
				found = true;
			}
		kz_team_free(&team);
	}
	kz_rows_free(&rows);
	if (st == KZ_OK && !found)
		st = kz_fail(err, KZ_INVALID, _("demo meeting: no case has %s in its team"), person);
	return st;
}

static enum kz_status add_tasks(struct ctx *c, const struct demo_meeting *d,
				const struct kz_meeting *m, struct kz_error *err)
{
	enum kz_status st = KZ_OK;

	for (size_t i = 0; st == KZ_OK && i < MAX_TASKS && d->tasks[i].title; i++) {
		const struct demo_task *dt = &d->tasks[i];
		struct kz_task t = { 0 };
		char pid[KZ_ID_LEN + 1], cid[KZ_ID_LEN + 1], date[11];

		st = partner_id(c, dt->partner, pid, err);
		if (st == KZ_OK)
			st = contact_id(c, dt->partner, dt->contact, cid, err);
		if (st == KZ_OK) {
			t.meeting_id = xstrdup(m->id);
			if (m->case_id)
				t.case_id = xstrdup(m->case_id);
			t.title = xstrdup(dt->title);
			t.partner_id = xstrdup(pid);
			t.contact_id = xstrdup(cid);
			day(c, dt->due, date);
			t.due_date = xstrdup(date);
			t.status = xstrdup(dt->status);
			if (strcmp(dt->status, "open") != 0) {
				day(c, dt->closed, date);
				t.closed_on = xstrdup(date);
			}
			st = kz_task_save(c->db, &t, err);
		}
		kz_task_clear(&t);
	}
	return st;
}

static enum kz_status add_meeting(struct ctx *c, const struct demo_meeting *d,
				  int number, struct kz_error *err)
{
	struct kz_meeting m = { 0 };
	char date[11], id[KZ_ID_LEN + 1];
	enum kz_status st = KZ_OK;

	day(c, d->day, date);
	m.date = xstrdup(date);
	m.time = xstrdup(d->time);
	m.place = xstrdup(d->place);
	m.agenda = xstrdup(d->agenda);
	if (d->minutes)
		m.minutes = xstrdup(d->minutes);
	if (d->case_contact) {
		m.kind = xstrdup("case_team");
		st = case_of(c, d->case_contact, id, err);
		if (st == KZ_OK) {
			struct kz_case k = { 0 };
			m.case_id = xstrdup(id);
			st = kz_case_get(c->db, id, &k, err);
			if (st == KZ_OK)
				m.title = xasprintf("Zadaniowy Zespół Kooperacyjny – sprawa %s", k.code);
			kz_case_clear(&k);
		}
	} else {
		m.kind = xstrdup("partnership");
		m.title = xasprintf(PZK " nr %d", number);
		st = partner_id(c, d->host, id, err);
		if (st == KZ_OK)
			m.host_id = xstrdup(id);
	}
	if (st == KZ_OK)
		st = kz_meeting_save(c->db, &m, err);
	for (size_t i = 0; st == KZ_OK && i < MAX_PEOPLE && d->people[i].partner; i++) {
		struct kz_attendee a = { 0 };
		st = contact_id(c, d->people[i].partner, d->people[i].name, id, err);
		if (st == KZ_OK) {
			a.meeting_id = xstrdup(m.id);
			a.contact_id = xstrdup(id);
			/* who came is known only after the meeting */
			a.attended = xstrdup(d->day < 0 && !d->people[i].absent ? "1" : "0");
			st = kz_attendee_save(c->db, &a, err);
		}
		kz_attendee_clear(&a);
	}
	for (size_t i = 0; st == KZ_OK && i < MAX_DECISIONS && d->decisions[i]; i++) {
		struct kz_decision dec = { 0 };
		dec.meeting_id = xstrdup(m.id);
		dec.text = xstrdup(d->decisions[i]);
		st = kz_decision_save(c->db, &dec, err);
		kz_decision_clear(&dec);
	}
	if (st == KZ_OK)
		st = add_tasks(c, d, &m, err);
	kz_meeting_clear(&m);
	return st;
}

enum kz_status kz_demo_meetings_fill(struct kz_db *db, const struct kz_config *cfg,
				     struct kz_error *err)
{
	struct ctx c = { db, "" };
	enum kz_status st = kz_db_begin(db, err);
	int number = 0;

	(void)cfg;
	kz_today(c.today);
	for (size_t i = 0; st == KZ_OK && i < COUNT(demo_meetings); i++) {
		if (!demo_meetings[i].case_contact)
			number++;
		st = add_meeting(&c, &demo_meetings[i], number, err);
	}
	if (st != KZ_OK) {
		kz_db_rollback(db);
		return st;
	}
	return kz_db_commit(db, err);
}
