#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Postern {

// A run's data file: one iteration per row. JSON: an array of objects, values kept with their types.
// CSV (RFC 4180): the first line names the columns; fields may be quoted ("a, b", "say ""hi"""), lines
// end in LF or CRLF; every value is a string, as in newman. An empty error means success.
struct DataFile
{
    QList<QJsonObject> rows;
    QString error;

    bool ok() const { return error.isEmpty(); }

    static constexpr qsizetype MaxSize = 64 * 1024 * 1024;
    static DataFile parse(const QByteArray &data, const QString &fileName);
    static DataFile parseCsv(const QByteArray &data);
    static DataFile parseJson(const QByteArray &data);
    static DataFile read(const QString &path);

    Q_DECLARE_TR_FUNCTIONS(Postern::DataFile)
};

} // namespace Postern
