<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>LeadTools</name>
    <message>
        <source>&amp;Log follow-up…</source>
        <translation>&amp;Loggranskning…</translation>
    </message>
    <message>
        <source>&amp;My access log…</source>
        <translation>&amp;Min åtkomstlogg…</translation>
    </message>
    <message>
        <source>R&amp;etention…</source>
        <translation>&amp;Gallring…</translation>
    </message>
    <message>
        <source>What the access log holds about your own work</source>
        <translation>Vad åtkomstloggen innehåller om ditt eget arbete</translation>
    </message>
    <message>
        <source>Checking whether you are the team lead…</source>
        <translation>Kontrollerar om du är teamledare…</translation>
    </message>
</context>
<context>
    <name>CreateDiaryScreen</name>
    <message>
        <source>I am the team lead (log follow-up and retention)</source>
        <translation>Jag är teamledare (loggranskning och gallring)</translation>
    </message>
    <message>
        <source>For this diary's own log; in a synced team the team names its leads.</source>
        <translation>För dagbokens egen logg; i ett synkat team utser teamet sina teamledare.</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Team member</source>
        <translation>Teammedlem</translation>
    </message>
    <message>
        <source>Team lead</source>
        <translation>Teamledare</translation>
    </message>
    <message>
        <source>Named by</source>
        <translation>Utsedd av</translation>
    </message>
    <message>
        <source>Named</source>
        <translation>Utsedd</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
</context>
<context>
    <name>FollowupScreen</name>
    <message>
        <source>My access log</source>
        <translation>Min åtkomstlogg</translation>
    </message>
</context>
</TS>
