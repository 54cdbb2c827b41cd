#include "base/jsonfile.h"

#include "base/atomicfile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace Postern {

JsonFile::ReadResult JsonFile::read(const QString &path, Contents contents, qint64 limit)
{
    ReadResult result;
    if (const QFileInfo info(path); info.exists() && info.size() > limit) {
        result.status = Status::TooLarge;
        result.reason = QCoreApplication::translate("Postern::JsonFile", "it is larger than %1 MiB")
                            .arg(limit / (1024 * 1024));
        return result;
    }
    switch (AtomicFile::read(path, &result.data, &result.reason)) {
    case AtomicFile::ReadStatus::Missing:
        result.status = Status::Missing;
        return result;
    case AtomicFile::ReadStatus::Failed:
        result.status = Status::Unreadable;
        return result;
    case AtomicFile::ReadStatus::Ok:
        break;
    }
    if (contents == Contents::Parsed) {
        QJsonParseError parseError;
        result.document = QJsonDocument::fromJson(result.data, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            result.status = Status::NotJson;
            result.reason
                = QCoreApplication::translate("Postern::JsonFile", "it is not valid JSON: %1 at byte %2")
                      .arg(parseError.errorString())
                      .arg(parseError.offset);
            return result;
        }
    }
    result.status = Status::Ok;
    return result;
}

int JsonFile::version(const QJsonObject &root, const QString &key)
{
    return root.value(key).toInt(0);
}

QString JsonFile::newerReason()
{
    return QCoreApplication::translate("Postern::JsonFile", "it was written by a newer version of Postern");
}

QString JsonFile::setAside(const QString &path, QString *error)
{
    return AtomicFile::setAside(path, error);
}

} // namespace Postern
