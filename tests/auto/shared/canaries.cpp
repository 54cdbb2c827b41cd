#include "shared/canaries.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QSet>

namespace Postern::Testing {

namespace {

constexpr qsizetype shortestCanary = 8;

} // namespace

void recordCanary(const QString &secret)
{
    static QMutex mutex;
    static QSet<QString> recorded;
    const QString path = qEnvironmentVariable("POSTERN_CANARY_FILE");
    if (path.isEmpty() || secret.size() < shortestCanary)
        return;
    if (secret.contains(u'\n') || secret.contains(u'\r')) {
        qWarning("recordCanary: a value with a line break was not recorded");
        return;
    }
    const QMutexLocker lock(&mutex);
    if (recorded.contains(secret))
        return;
    // Unbuffered and in append mode: the line goes out in one write, so that test programs running
    // side by side do not interleave their lines, and it is on disk even if the test crashes later.
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
        qWarning("recordCanary: cannot append to %s: %s", qPrintable(path), qPrintable(file.errorString()));
        return;
    }
    const QByteArray line = secret.toUtf8() + '\n';
    if (file.write(line) != line.size()) {
        qWarning("recordCanary: cannot append to %s: %s", qPrintable(path), qPrintable(file.errorString()));
        return;
    }
    recorded.insert(secret);
}

void recordCanary(const QByteArray &secret)
{
    recordCanary(QString::fromUtf8(secret));
}

void recordPemCanary(const QByteArray &pem)
{
    for (const QByteArray &line : pem.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        // Header lines ("-----BEGIN", "Proc-Type: …") are the same in many keys.
        if (!trimmed.startsWith("-----") && !trimmed.contains(':'))
            recordCanary(trimmed);
    }
}

QString canaryReportFolder(const QString &name, const QString &fallback)
{
    const QString root = qEnvironmentVariable("POSTERN_CANARY_DIR");
    if (root.isEmpty())
        return fallback;
    const QString folder = QDir(root).filePath(name);
    if (!QDir().mkpath(folder)) {
        qWarning("canaryReportFolder: cannot make %s", qPrintable(folder));
        return fallback;
    }
    return folder;
}

} // namespace Postern::Testing
