<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>AthenaWindow</name>
    <message>
        <source>&amp;Log follow-up…</source>
        <translation>&amp;Loggranskning…</translation>
    </message>
    <message>
        <source>R&amp;etention…</source>
        <translation>&amp;Gallring…</translation>
    </message>
    <message>
        <source>&amp;Reference lists…</source>
        <translation>&amp;Referenslistor…</translation>
    </message>
    <message>
        <source>Athena – Reference lists</source>
        <translation>Athena – Referenslistor</translation>
    </message>
    <message>
        <source>Athena – Log follow-up</source>
        <translation>Athena – Loggranskning</translation>
    </message>
    <message>
        <source>Athena – Retention</source>
        <translation>Athena – Gallring</translation>
    </message>
</context>
<context>
    <name>CandidateModel</name>
    <message>
        <source>What happens</source>
        <translation>Vad som händer</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Akt</translation>
    </message>
    <message>
        <source>Case numbers</source>
        <translation>Ärendenummer</translation>
    </message>
    <message>
        <source>Last entry</source>
        <translation>Sista anteckning</translation>
    </message>
    <message>
        <source>Purge by</source>
        <translation>Gallras senast</translation>
    </message>
    <message>
        <source>To be purged</source>
        <translation>Gallras</translation>
    </message>
    <message>
        <source>To be marked for the archive</source>
        <translation>Märks för arkivmyndigheten</translation>
    </message>
    <message>
        <source>Kept: other register data on the same person</source>
        <translation>Sparas: andra registeruppgifter om samma person</translation>
    </message>
    <message>
        <source>men's track</source>
        <translation>mansstöd</translation>
    </message>
    <message>
        <source>Protected identity</source>
        <translation>Skyddad identitet</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>(försenad)</translation>
    </message>
</context>
<context>
    <name>FollowupModel</name>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Medarbetare</translation>
    </message>
    <message>
        <source>Did</source>
        <translation>Gjorde</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Akt</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Kontroller</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>öppnade</translation>
    </message>
    <message>
        <source>searched</source>
        <translation>sökte</translation>
    </message>
    <message>
        <source>listed</source>
        <translation>listade</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>skrev ut</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>exporterade</translation>
    </message>
    <message>
        <source>showed address</source>
        <translation>visade adress</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importerade</translation>
    </message>
    <message>
        <source>purged</source>
        <translation>gallrade</translation>
    </message>
    <message numerus="yes">
        <source>(%n records)</source>
        <translation>
            <numerusform>(%n akt)</numerusform>
            <numerusform>(%n akter)</numerusform>
        </translation>
    </message>
    <message>
        <source>Protected identity ({ref})</source>
        <translation>Skyddad identitet ({ref})</translation>
    </message>
    <message>
        <source>Not in this diary ({ref})</source>
        <translation>Finns inte i dagboken ({ref})</translation>
    </message>
    <message>
        <source>no entry of their own</source>
        <translation>ingen egen anteckning</translation>
    </message>
    <message>
        <source>protected identity</source>
        <translation>skyddad identitet</translation>
    </message>
    <message>
        <source>unusual hours</source>
        <translation>ovanlig tid</translation>
    </message>
    <message>
        <source>many records in a short time</source>
        <translation>många akter på kort tid</translation>
    </message>
</context>
<context>
    <name>FollowupScreen</name>
    <message>
        <source>Log follow-up</source>
        <translation>Loggranskning</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Första dag</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Sista dag</translation>
    </message>
    <message>
        <source>All workers</source>
        <translation>Alla medarbetare</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Medarbetare</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Vad som gjordes</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Allt</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Öppnade</translation>
    </message>
    <message>
        <source>Searched</source>
        <translation>Sökte</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>Listade</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Skrev ut</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exporterade</translation>
    </message>
    <message>
        <source>Showed an address</source>
        <translation>Visade en adress</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importerade</translation>
    </message>
    <message>
        <source>Purged</source>
        <translation>Gallrade</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kontroll</translation>
    </message>
    <message>
        <source>No check</source>
        <translation>Ingen kontroll</translation>
    </message>
    <message>
        <source>Opened without an entry of their own</source>
        <translation>Öppnad utan egen anteckning</translation>
    </message>
    <message>
        <source>Protected identity opened</source>
        <translation>Skyddad identitet öppnad</translation>
    </message>
    <message>
        <source>Unusual hours</source>
        <translation>Ovanlig tid</translation>
    </message>
    <message>
        <source>Many records in a short time</source>
        <translation>Många akter på kort tid</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <source>Access log</source>
        <translation>Åtkomstlogg</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Visa fler</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <source>Export JSON…</source>
        <translation>Exportera JSON…</translation>
    </message>
    <message>
        <source>Reading the log…</source>
        <translation>Läser loggen…</translation>
    </message>
    <message numerus="yes">
        <source>%n rows shown</source>
        <translation>
            <numerusform>%n rad visas</numerusform>
            <numerusform>%n rader visas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flagged</source>
        <translation>
            <numerusform>%n markerad</numerusform>
            <numerusform>%n markerade</numerusform>
        </translation>
    </message>
    <message>
        <source>more in the log</source>
        <translation>fler i loggen</translation>
    </message>
    <message>
        <source>Export the log follow-up</source>
        <translation>Exportera loggranskningen</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporterar…</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>Sparade {path}.</translation>
    </message>
</context>
<context>
    <name>ReferenceEditor</name>
    <message>
        <source>Reference lists</source>
        <translation>Referenslistor</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <source>Districts</source>
        <translation>Stadsdelar</translation>
    </message>
    <message>
        <source>Referring units</source>
        <translation>Beställande enheter</translation>
    </message>
    <message>
        <source>Legal references</source>
        <translation>Lagrum</translation>
    </message>
    <message>
        <source>&amp;List:</source>
        <translation>&amp;Lista:</translation>
    </message>
    <message>
        <source>Items in use</source>
        <translation>I bruk</translation>
    </message>
    <message>
        <source>Retired (kept on existing cases, not offered for new ones):</source>
        <translation>Utgångna (finns kvar på gamla ärenden, erbjuds inte för nya):</translation>
    </message>
    <message>
        <source>Retired items</source>
        <translation>Utgångna</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Nytt namn</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Lägg &amp;till</translation>
    </message>
    <message>
        <source>&amp;Retire</source>
        <translation>&amp;Ta ur bruk</translation>
    </message>
    <message>
        <source>&amp;Bring back</source>
        <translation>Ta i &amp;bruk igen</translation>
    </message>
    <message>
        <source>Changes reach the team's other laptops with the next sync.</source>
        <translation>Ändringarna når teamets andra datorer vid nästa synkning.</translation>
    </message>
    <message>
        <source>Added: {name}.</source>
        <translation>Tillagd: {name}.</translation>
    </message>
    <message>
        <source>Retired: {name}.</source>
        <translation>Tagen ur bruk: {name}.</translation>
    </message>
</context>
<context>
    <name>ReportScreen</name>
    <message>
        <source>Title on the first page (e.g. Slutrapport 2025)</source>
        <translation>Titel på första sidan (t.ex. Slutrapport 2025)</translation>
    </message>
    <message>
        <source>Report title</source>
        <translation>Rapportens titel</translation>
    </message>
    <message>
        <source>Project (e.g. the funder's reference)</source>
        <translation>Projekt (t.ex. bidragsgivarens diarienummer)</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
</context>
<context>
    <name>RetentionScreen</name>
    <message>
        <source>Retention</source>
        <translation>Gallring</translation>
    </message>
    <message>
        <source>Records due</source>
        <translation>Akter att gallra</translation>
    </message>
    <message>
        <source>Preview again</source>
        <translation>Förhandsgranska igen</translation>
    </message>
    <message>
        <source>Purge…</source>
        <translation>Gallra…</translation>
    </message>
    <message>
        <source>Purge log (never names or numbers):</source>
        <translation>Gallringslogg (aldrig namn eller nummer):</translation>
    </message>
    <message>
        <source>Purge log</source>
        <translation>Gallringslogg</translation>
    </message>
    <message>
        <source>Checking the rules…</source>
        <translation>Går igenom reglerna…</translation>
    </message>
    <message>
        <source>Rules: {rules}. This diary keeps everything: nothing is purged.</source>
        <translation>Regler: {rules}. Den här dagboken sparar allt: ingenting gallras.</translation>
    </message>
    <message>
        <source>Rules: {rules}. A record is purged {years} years after its last entry, by the end of the following year; records of people born on day {days} of a month are marked for the archive authority instead.</source>
        <translation>Regler: {rules}. En akt gallras {years} år efter den sista anteckningen, senast vid utgången av året därpå; akter om personer födda dag {days} i månaden märks i stället för arkivmyndigheten.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) due for purging</source>
        <translation>
            <numerusform>%n akt ska gallras</numerusform>
            <numerusform>%n akter ska gallras</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in all</source>
        <translation>
            <numerusform>%n rad totalt</numerusform>
            <numerusform>%n rader totalt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to mark for the archive</source>
        <translation>
            <numerusform>%n att märka för arkivet</numerusform>
            <numerusform>%n att märka för arkivet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kept for now</source>
        <translation>
            <numerusform>%n sparas tills vidare</numerusform>
            <numerusform>%n sparas tills vidare</numerusform>
        </translation>
    </message>
    <message>
        <source>{at} {actor}: {n} records purged ({rows} rows), {a} marked for the archive ({rules})</source>
        <translation>{at} {actor}: {n} akter gallrade ({rows} rader), {a} märkta för arkivet ({rules})</translation>
    </message>
    <message>
        <source>Purge for good</source>
        <translation>Gallra för gott</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) will be removed for good, on every laptop of the team, with their backups. Type the number of records to confirm:</source>
        <translation>
            <numerusform>%n akt tas bort för gott, på teamets alla datorer och i säkerhetskopiorna. Skriv antalet akter för att bekräfta:</numerusform>
            <numerusform>%n akter tas bort för gott, på teamets alla datorer och i säkerhetskopiorna. Skriv antalet akter för att bekräfta:</numerusform>
        </translation>
    </message>
    <message>
        <source>Not confirmed; nothing was purged.</source>
        <translation>Inte bekräftat; ingenting gallrades.</translation>
    </message>
    <message>
        <source>Purging…</source>
        <translation>Gallrar…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) purged</source>
        <translation>
            <numerusform>%n akt gallrad</numerusform>
            <numerusform>%n akter gallrade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n older backup(s) replaced</source>
        <translation>
            <numerusform>%n äldre säkerhetskopia ersatt</numerusform>
            <numerusform>%n äldre säkerhetskopior ersatta</numerusform>
        </translation>
    </message>
</context>
</TS>
