#pragma once

#include <QString>

namespace tenure {

// Where workspaces live when the user does not say: a folder named after the application in the
// platform's application-data location:
//   Linux    ~/.local/share/Tenure          ($XDG_DATA_HOME/Tenure)
//   Windows  %APPDATA%\Tenure               (C:\Users\<user>\AppData\Roaming\Tenure)
//   macOS    ~/Library/Application Support/Tenure
// (QStandardPaths::AppDataLocation alone would add the organisation and the application, both
// "Tenure": ~/.local/share/Tenure/Tenure. Tenure 0.1 used that folder; a workspace found only
// there is still used.)
namespace WorkspacePaths {
QString dataFolder();
QString defaultWorkspace(); // workspace.tenure
QString defaultDemoWorkspace(); // demo.tenure
// Creates the folder that holds `path`; false when it cannot.
bool ensureParentExists(const QString& path);
} // namespace WorkspacePaths

} // namespace tenure
