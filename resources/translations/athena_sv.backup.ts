<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>RestoreDialog</name>
    <message>
        <source>{n} MB</source>
        <translation>{n} MB</translation>
    </message>
    <message>
        <source>{n} kB</source>
        <translation>{n} kB</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Daglig</translation>
    </message>
    <message>
        <source>Taken by hand</source>
        <translation>Tagen manuellt</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>Före en uppgradering</translation>
    </message>
    <message>
        <source>Before a new key</source>
        <translation>Före en ny nyckel</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>Före en import</translation>
    </message>
    <message>
        <source>Before a removal</source>
        <translation>Före en borttagning</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Före en återställning</translation>
    </message>
    <message>
        <source>Before demo data</source>
        <translation>Före demodata</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Återställ från en säkerhetskopia</translation>
    </message>
    <message>
        <source>Choose the backup to bring back. What is in the diary now is kept first, as a backup of its own (or, if it is damaged, as a file beside it): nothing is overwritten without a copy.</source>
        <translation>Välj den säkerhetskopia som ska tas tillbaka. Det som finns i dagboken nu sparas först, som en egen säkerhetskopia (eller, om den är skadad, som en fil bredvid): inget skrivs över utan en kopia.</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Tagen</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Storlek</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Varför</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Var</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Säkerhetskopior</translation>
    </message>
    <message>
        <source>Looking for backups…</source>
        <translation>Letar efter säkerhetskopior…</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <source>Your current &amp;passphrase</source>
        <translation>Din nuvarande &amp;lösenfras</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <source>&amp;Restore this backup</source>
        <translation>&amp;Återställ den här säkerhetskopian</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Den här datorn</translation>
    </message>
    <message>
        <source>Second folder</source>
        <translation>Andra mappen</translation>
    </message>
    <message>
        <source>There are no backups of this diary on this computer or in the second folder.</source>
        <translation>Det finns inga säkerhetskopior av den här dagboken på den här datorn eller i den andra mappen.</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Fel lösenfras.</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Restore from a &amp;backup…</source>
        <translation>Återställ från en &amp;säkerhetskopia…</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Återställ från en säkerhetskopia</translation>
    </message>
</context>
<context>
    <name>AthenaWindow</name>
    <message>
        <source>IT settings: {problem}</source>
        <translation>IT-inställningar: {problem}</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Säkerhetskopiera nu</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>Å&amp;terställ från en säkerhetskopia…</translation>
    </message>
    <message>
        <source>No backup was taken at unlock: {problem}</source>
        <translation>Ingen säkerhetskopia togs vid upplåsningen: {problem}</translation>
    </message>
    <message>
        <source>The backup was taken and checked ({where}).</source>
        <translation>Säkerhetskopian är tagen och kontrollerad ({where}).</translation>
    </message>
</context>
</TS>
