#pragma once

#include <QString>

namespace tenure {

// Where workspaces live when the user does not say: under QStandardPaths::AppDataLocation
// (~/.local/share/Tenure on Linux, %APPDATA%/Tenure on Windows).
namespace WorkspacePaths {
QString defaultWorkspace(); // workspace.tenure
QString defaultDemoWorkspace(); // demo.tenure
// Creates the folder that holds `path`; false when it cannot.
bool ensureParentExists(const QString& path);
} // namespace WorkspacePaths

} // namespace tenure
