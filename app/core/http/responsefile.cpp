#include "http/responsefile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

constexpr qint64 Chunk = 1024 * 1024;

QString failure(const QString &path, const QString &why)
{
    return QCoreApplication::translate("Postern::ResponseFile", "Could not save the response to %1: %2.")
        .arg(path, why);
}

} // namespace

QString ResponseFile::save(const HttpResponse &response, const QString &path, const std::atomic_bool *cancel)
{
    const auto canceled = [cancel] {
        return cancel && cancel->load();
    };
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return failure(path, out.errorString());
    if (response.bodyFile) {
        QFile in(response.bodyFile->path());
        if (!in.open(QIODevice::ReadOnly))
            return failure(path,
                           QCoreApplication::translate("Postern::ResponseFile",
                                                       "the temporary file holding it cannot be read (%1)")
                               .arg(in.errorString()));
        QByteArray buffer(Chunk, Qt::Uninitialized);
        for (;;) {
            if (canceled()) {
                out.cancelWriting();
                return failure(path, QCoreApplication::translate("Postern::ResponseFile", "canceled"));
            }
            const qint64 read = in.read(buffer.data(), Chunk);
            if (read < 0)
                return failure(path, in.errorString());
            if (read == 0)
                break;
            if (out.write(buffer.constData(), read) != read)
                return failure(path, out.errorString());
        }
    } else {
        const QByteArray &body = response.body;
        for (qint64 at = 0; at < body.size(); at += Chunk) {
            if (canceled()) {
                out.cancelWriting();
                return failure(path, QCoreApplication::translate("Postern::ResponseFile", "canceled"));
            }
            const qint64 size = qMin(Chunk, body.size() - at);
            if (out.write(body.constData() + at, size) != size)
                return failure(path, out.errorString());
        }
    }
    if (!out.commit())
        return failure(path, out.errorString());
    return {};
}

QString ResponseFile::suggestedName(const HttpResponse &response)
{
    const QString last = QFileInfo(response.url.path()).fileName();
    if (!last.isEmpty())
        return last;
    const QByteArray type = response.contentType();
    static const QList<QPair<QByteArray, QString>> extensions {
        { "json", u"json"_s },      { "xml", u"xml"_s },       { "html", u"html"_s },
        { "text/plain", u"txt"_s }, { "text/csv", u"csv"_s },  { "image/png", u"png"_s },
        { "image/jpeg", u"jpg"_s }, { "image/gif", u"gif"_s }, { "svg", u"svg"_s },
        { "pdf", u"pdf"_s },        { "zip", u"zip"_s },
    };
    for (const auto &[needle, extension] : extensions) {
        if (type.contains(needle))
            return u"response."_s + extension;
    }
    return u"response.bin"_s;
}

} // namespace Postern
