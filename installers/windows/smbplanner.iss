; Inno Setup script: a per-user installer for Windows (no administrator rights needed).
; Build the bundle first (on Windows):
;   py -3.11 -m venv build\bundle-venv
;   build\bundle-venv\Scripts\pip install -e .[bundle]
;   build\bundle-venv\Scripts\pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller installers\smbplanner.spec
;   dist\smbplanner\smbplanner.exe --self-test
; then compile this script (Inno Setup 6):
;   iscc /DAppVersion=0.1.0 installers\windows\smbplanner.iss
; The installer is written to dist\SMBPlanner-<version>-setup.exe.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "SMB Planner"
#define AppExe "smbplanner-gui.exe"
#define ProgId "SMBPlanner.Plan"

[Setup]
AppId={{6B1C2F7E-4D0A-4C55-9B8E-2F6A7D3C9E11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=SMB Planner developers
AppVerName={#AppName} {#AppVersion}
; Per user: installs into %LOCALAPPDATA%\Programs, no UAC prompt.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
ChangesAssociations=yes
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
LicenseFile=..\..\LICENSE
SetupIconFile=..\icons\smbplanner.ico
OutputDir=..\..\dist
OutputBaseFilename=SMBPlanner-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\smbplanner\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; The .smbplan file type, for this user (HKCU through HKA when installed per user).
Root: HKA; Subkey: "Software\Classes\.smbplan"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.smbplan"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-smbplanner"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "SMB Planner plan"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".smbplan"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The uninstaller (Settings > Apps) removes the program, its shortcuts and the file type;
; plans and backups in the user's folders are kept.
