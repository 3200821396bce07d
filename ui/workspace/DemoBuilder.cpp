#include "workspace/DemoBuilder.h"

#include "demo/DemoWorkspace.h"
#include "store/Database.h"
#include "store/WorkspacePaths.h"

#include <QFile>
#include <QFileInfo>

namespace tenure {

DemoBuilder::DemoBuilder(QObject* parent)
    : QObject(parent)
{
}

DemoBuilder::~DemoBuilder()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

void DemoBuilder::start(const QString& path, const DemoGenerator::Options& options)
{
    if (isRunning())
        return;
    m_cancel = false;
    delete m_thread;
    m_thread = QThread::create([this, path, options] {
        if (!WorkspacePaths::ensureParentExists(path)) {
            emit failed(tr("Cannot create the folder for %1.").arg(path));
            return;
        }
        // A file this build makes and does not fill is removed again: the app opens the demo file
        // it finds instead of making it anew (MainWindow::openDemoWorkspace).
        const bool existed = QFileInfo::exists(path);
        Result<std::unique_ptr<Database>> db = Database::open(path);
        if (!db) {
            emit failed(db.error());
            return;
        }
        const auto result = DemoWorkspace::populate(
            *db.value(), options, [this](int done, int total) { emit progress(done, total); }, &m_cancel);
        if (!result && !existed) {
            db.value().reset();
            for (const char* suffix : { "", "-wal", "-shm" })
                QFile::remove(path + QLatin1String(suffix));
        }
        if (result)
            emit finished(path);
        else
            emit failed(result.error());
    });
    m_thread->setObjectName(QStringLiteral("demo-builder"));
    m_thread->start();
}

} // namespace tenure
