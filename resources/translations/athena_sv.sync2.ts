<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
    <context>
        <name>SyncController</name>
        <message>
            <source>This laptop was removed from the team: it no longer sends or receives the team's data. Its own diary is kept.</source>
            <translation>Den här datorn är borttagen ur teamet: den skickar och tar inte längre emot teamets uppgifter. Dess egen dagbok finns kvar.</translation>
        </message>
        <message>
            <source>This laptop's clock is {hours} hours ahead: set the clock right; its changes are kept until then.</source>
            <translation>Datorns klocka går {hours} timmar före: ställ klockan rätt; ändringarna sparas tills dess.</translation>
        </message>
    </context>
</TS>
