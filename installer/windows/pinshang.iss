; Inno Setup 6 script of Pinshang Counter (Windows 10 and later, 64-bit).
; Built by `python installer\build.py` on Windows, which passes the defines below
; (AppVersion, SourceDir = the PyInstaller bundle, OutputDir, Licences, IconFile).
;
; - Installs per user by default (%LOCALAPPDATA%\Programs\Pinshang Counter, no administrator
;   needed); the setup's first page offers "for all users" (Program Files) to an administrator.
; - The store's data is never in the program folder: it is per user, in
;   %LOCALAPPDATA%\Pinshang\PinshangCounter (pinshang.db and logs\), whose ACL admits only that
;   user. Uninstalling removes the program and its menu entries, never that folder.
; - Secrets (the platform's API token, the voucher signing keys) are in the Windows Credential
;   Manager (keyring's Windows backend) under "pinshang-counter"; the uninstaller leaves them
;   too, so a reinstall keeps the pairing.
; - Installing a newer version over an older one replaces the program; the app migrates the
;   store at its next start. An older version refuses a store made by a newer one.

#ifndef AppVersion
  #error Pass /DAppVersion=... (installer\build.py does)
#endif
#ifndef SourceDir
  #error Pass /DSourceDir=path\to\dist\pinshang (installer\build.py does)
#endif
#ifndef OutputDir
  #define OutputDir "."
#endif

[Setup]
AppId={{6F0B4C2E-2B7A-4E53-9C1D-8A4F2E7B9D31}
AppName=Pinshang Counter
AppVersion={#AppVersion}
AppVerName=Pinshang Counter {#AppVersion}
AppPublisher=Pinshang
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Pinshang Counter
DefaultGroupName=Pinshang Counter
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=PinshangCounter-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\pinshang.exe
UninstallDisplayName=Pinshang Counter {#AppVersion}
CloseApplications=yes
#ifdef IconFile
SetupIconFile={#IconFile}
#endif
#ifdef Licences
InfoAfterFile={#Licences}
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
#ifdef Licences
Source: "{#Licences}"; DestDir: "{app}"; DestName: "LICENSES.txt"; Flags: ignoreversion
#endif

[InstallDelete]
; an update replaces the whole bundle: no library of the older version is left behind
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\Pinshang Counter"; Filename: "{app}\pinshang.exe"
Name: "{group}\Pinshang Counter data folder"; Filename: "{localappdata}\Pinshang\PinshangCounter"
Name: "{group}\{cm:UninstallProgram,Pinshang Counter}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Pinshang Counter"; Filename: "{app}\pinshang.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\pinshang.exe"; Description: "{cm:LaunchProgram,Pinshang Counter}"; Flags: nowait postinstall skipifsilent
