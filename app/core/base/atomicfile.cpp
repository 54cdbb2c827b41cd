#include "base/atomicfile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Postern {

QString AtomicFile::write(const QString &path, const QByteArray &data)
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return AtomicFile::tr("Could not create the folder %1.")
            .arg(QDir::toNativeSeparators(info.absolutePath()));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return AtomicFile::tr("Could not open %1 for writing: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    // Token files are the user's own business, whatever the umask says.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        const QString error = file.errorString();
        file.cancelWriting();
        return AtomicFile::tr("Could not restrict access to %1: %2")
            .arg(QDir::toNativeSeparators(path), error);
    }
    if (file.write(data) != data.size()) {
        const QString error = file.errorString();
        file.cancelWriting();
        return AtomicFile::tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), error);
    }
    if (!file.commit())
        return AtomicFile::tr("Could not save %1: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

AtomicFile::ReadStatus AtomicFile::read(const QString &path, QByteArray *data, QString *error)
{
    QFile file(path);
    if (!file.exists())
        return ReadStatus::Missing;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = AtomicFile::tr("Could not open %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return ReadStatus::Failed;
    }
    *data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        if (error)
            *error = AtomicFile::tr("Could not read %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return ReadStatus::Failed;
    }
    return ReadStatus::Ok;
}

QString AtomicFile::setAside(const QString &path, QString *error)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd-HHmmss"_s);
    QString target = path % u".broken-"_s % stamp;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = path % u".broken-"_s % stamp % u'-' % QString::number(n);
    if (!QFile::rename(path, target)) {
        if (error)
            *error = AtomicFile::tr("Could not move %1 aside.").arg(QDir::toNativeSeparators(path));
        return {};
    }
    return target;
}

} // namespace Postern
