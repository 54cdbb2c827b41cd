#include "runner/datafile.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Postern {

DataFile DataFile::parse(const QByteArray &data, const QString &fileName)
{
    if (fileName.endsWith(u".json"_s, Qt::CaseInsensitive))
        return parseJson(data);
    if (fileName.endsWith(u".csv"_s, Qt::CaseInsensitive))
        return parseCsv(data);
    const QByteArray start = data.trimmed().left(1);
    return start == "[" || start == "{" ? parseJson(data) : parseCsv(data);
}

DataFile DataFile::parseJson(const QByteArray &data)
{
    DataFile file;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError) {
        file.error
            = tr("The data file is not JSON: %1 at offset %2.").arg(error.errorString()).arg(error.offset);
        return file;
    }
    if (!document.isArray()) {
        file.error = tr("The data file must hold a JSON array of objects, one per iteration.");
        return file;
    }
    const QJsonArray rows = document.array();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        if (!rows.at(i).isObject()) {
            file.rows.clear();
            file.error
                = tr("Row %1 of the data file is not an object of variable names and values.").arg(i + 1);
            return file;
        }
        file.rows.append(rows.at(i).toObject());
    }
    return file;
}

DataFile DataFile::parseCsv(const QByteArray &data)
{
    DataFile file;
    QString text = QString::fromUtf8(data);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldWasQuoted = false;
    int line = 1;
    auto endField = [&] {
        record << field;
        field.clear();
        fieldWasQuoted = false;
    };
    auto endRecord = [&] {
        endField();
        if (!(record.size() == 1 && record.constFirst().isEmpty()))
            records << record;
        record.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u'"') {
            if (!field.isEmpty() || fieldWasQuoted) {
                file.error
                    = tr("Line %1 of the CSV data file has a quote inside an unquoted field.").arg(line);
                return file;
            }
            quoted = true;
            fieldWasQuoted = true;
        } else if (c == u',') {
            endField();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            continue;
        } else if (c == u'\n') {
            endRecord();
            ++line;
        } else {
            if (fieldWasQuoted) {
                file.error = tr("Line %1 of the CSV data file has text after a closing quote.").arg(line);
                return file;
            }
            field += c;
        }
    }
    if (quoted) {
        file.error = tr("The CSV data file ends inside a quoted field.");
        return file;
    }
    endRecord();
    if (records.isEmpty()) {
        file.error = tr("The CSV data file is empty: its first line must name the variables.");
        return file;
    }
    const QStringList names = records.takeFirst();
    for (qsizetype r = 0; r < records.size(); ++r) {
        const QStringList &values = records.at(r);
        if (values.size() != names.size()) {
            file.error = tr("Row %1 of the CSV data file has %2 values for %3 columns.")
                             .arg(r + 1)
                             .arg(values.size())
                             .arg(names.size());
            file.rows.clear();
            return file;
        }
        QJsonObject row;
        for (qsizetype c = 0; c < names.size(); ++c)
            row.insert(names.at(c), values.at(c));
        file.rows.append(row);
    }
    return file;
}

DataFile DataFile::read(const QString &path)
{
    DataFile file;
    QFile input(path);
    if (QFileInfo(path).size() > MaxSize) {
        file.error = tr("The data file is larger than 64 MiB.");
        return file;
    }
    if (!input.open(QIODevice::ReadOnly)) {
        file.error = tr("The data file could not be read: %1").arg(input.errorString());
        return file;
    }
    return parse(input.readAll(), path);
}

} // namespace Postern
