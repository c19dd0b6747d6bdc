; Inno Setup 6 script for Athena on Windows (reviewed; built on a Windows machine, not in CI).
;
; Build:  on Windows, in a checkout:  py -m venv .venv ; .venv\Scripts\pip install -e .[packaging]
;         .venv\Scripts\python -m app.ui.i18n_build ; .venv\Scripts\python packaging\build.py
;         "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\athena.iss
;         -> dist\athena-0.1.0-setup.exe
;
; Silent install by IT (machine-wide, no questions, no reboot; logs to the given file):
;   athena-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /SP- /LOG="C:\Windows\Temp\athena-setup.log"
; Optional:  /DIR="D:\Program\Athena"   /CONFIG="\\fil01\it\athena\athena.toml"  (copied to
;            C:\ProgramData\Athena\athena.toml; an existing one is kept unless /CONFIG is given)
; Silent uninstall:  "C:\Program Files\Athena\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; Diaries live in each user's %LOCALAPPDATA%\Athena\Athena\diary and are never touched by setup or uninstall.
; Exit code 0 means installed; anything else: read the log. An upgrade is the same command with the new setup:
; the old program files are replaced, diaries are opened and upgraded (after a backup) at the next unlock.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define BundleDir "..\..\dist\athena-" + AppVersion

[Setup]
AppId={{6E1B9C52-7A4D-4C55-9F0B-4A1D2E7C3B18}
AppName=Athena
AppVersion={#AppVersion}
AppPublisher=Athena
DefaultDirName={autopf}\Athena
DefaultGroupName=Athena
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=athena-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
SetupIconFile=..\..\build\athena.ico
UninstallDisplayIcon={app}\athena.exe
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "sv"; MessagesFile: "compiler:Languages\Swedish.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; The IT settings file: only from /CONFIG=..., never over an existing one otherwise.
Source: "{param:CONFIG}"; DestDir: "{commonappdata}\Athena"; DestName: "athena.toml"; \
  Flags: external skipifsourcedoesntexist; Check: ConfigGiven

[Dirs]
Name: "{commonappdata}\Athena"; Permissions: users-readexec

[Icons]
Name: "{autoprograms}\Athena"; Filename: "{app}\athena.exe"; Parameters: "gui"
Name: "{autodesktop}\Athena"; Filename: "{app}\athena.exe"; Parameters: "gui"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Run]
; A quick check that the installed program starts (no window is shown; IT can read the log).
Filename: "{app}\athena.exe"; Parameters: "--version"; Flags: runhidden waituntilterminated

[Code]
function ConfigGiven(): Boolean;
begin
  Result := ExpandConstant('{param:CONFIG|}') <> '';
end;
