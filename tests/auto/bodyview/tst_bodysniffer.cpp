#include "bodyview/bodysniffer.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

const QByteArray Png = QByteArray("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0", 29);
const QByteArray Jpeg = QByteArray("\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 20);
const QByteArray Gif = "GIF89a\x01\0\x01\0\x80\0\0"_ba;
const QByteArray Webp = QByteArray("RIFF\x24\0\0\0WEBPVP8 \x18\0\0\0", 20);
const QByteArray Svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- icon -->\n"
                       "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"16\"/>"_ba;

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(generator.bounded(256));
    return bytes;
}

// Printable bytes that are mostly not UTF-8 and hold no NUL.
QByteArray highBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char(0x80 + (i * 37) % 0x40);
    return bytes;
}

} // namespace

class tst_BodySniffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void detect_data();
    void detect();
    void imageFormat_data();
    void imageFormat();
    void looksBinary_data();
    void looksBinary();
};

void tst_BodySniffer::detect_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<BodyKind>("expected");

    // The type says it.
    QTest::newRow("empty body, whatever the type")
        << QByteArray() << "application/json"_ba << BodyKind::Empty;
    QTest::newRow("application/json") << "{\"a\":1}"_ba
                                      << "application/json"_ba << BodyKind::Json;
    QTest::newRow("json with charset, upper case") << "[1]"_ba
                                                   << "Application/JSON; charset=UTF-8"_ba << BodyKind::Json;
    QTest::newRow("problem+json") << "{}"_ba
                                  << "application/problem+json"_ba << BodyKind::Json;
    QTest::newRow("json type trusted over bytes") << "not json"_ba
                                                  << "application/json"_ba << BodyKind::Json;
    QTest::newRow("text/xml") << "<a/>"_ba
                              << "text/xml; charset=utf-8"_ba << BodyKind::Xml;
    QTest::newRow("application/xml") << "<a/>"_ba
                                     << "application/xml"_ba << BodyKind::Xml;
    QTest::newRow("soap+xml") << "<s:Envelope/>"_ba
                              << "application/soap+xml"_ba << BodyKind::Xml;
    QTest::newRow("rss+xml") << "<rss/>"_ba
                             << "application/rss+xml"_ba << BodyKind::Xml;
    QTest::newRow("text/html") << "<p>hi"_ba
                               << "text/html; charset=iso-8859-1"_ba << BodyKind::Html;
    QTest::newRow("xhtml") << "<html/>"_ba
                           << "application/xhtml+xml"_ba << BodyKind::Html;
    QTest::newRow("image/png") << Png << "image/png"_ba << BodyKind::Image;
    QTest::newRow("svg+xml is an image, not XML") << Svg << "image/svg+xml"_ba << BodyKind::Image;
    QTest::newRow("pdf") << "%PDF-1.7\n"_ba
                         << "application/pdf"_ba << BodyKind::Binary;
    QTest::newRow("zip") << "PK\x03\x04"_ba
                         << "application/zip"_ba << BodyKind::Binary;
    QTest::newRow("audio") << "ID3"_ba
                           << "audio/mpeg"_ba << BodyKind::Binary;
    QTest::newRow("excel") << "PK"_ba
                           << "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"_ba
                           << BodyKind::Binary;
    QTest::newRow("text/csv") << "a,b\n1,2\n"_ba
                              << "text/csv"_ba << BodyKind::Text;
    QTest::newRow("javascript starting with a bracket") << "[1,2].forEach(f)"_ba
                                                        << "application/javascript"_ba << BodyKind::Text;
    QTest::newRow("form encoded") << "a=1&b=2"_ba
                                  << "application/x-www-form-urlencoded"_ba << BodyKind::Text;

    // No type, or one that does not tell: the bytes.
    QTest::newRow("no type, object") << " \n{\"result\":[]}"_ba << QByteArray() << BodyKind::Json;
    QTest::newRow("no type, array") << "[{\"a\":1}]"_ba << QByteArray() << BodyKind::Json;
    QTest::newRow("no type, empty array") << "[ ]"_ba << QByteArray() << BodyKind::Json;
    QTest::newRow("no type, log line in brackets is text")
        << "[INFO] server started"_ba << QByteArray() << BodyKind::Text;
    QTest::newRow("no type, UTF-8 BOM then JSON")
        << "\xef\xbb\xbf{\"a\":1}"_ba << QByteArray() << BodyKind::Json;
    QTest::newRow("text/plain holding JSON") << "{\"a\":1}"_ba
                                             << "text/plain"_ba << BodyKind::Json;
    QTest::newRow("octet-stream holding JSON") << "{\"a\":1}"_ba
                                               << "application/octet-stream"_ba << BodyKind::Json;
    QTest::newRow("no type, xml declaration")
        << "<?xml version=\"1.0\"?><a/>"_ba << QByteArray() << BodyKind::Xml;
    QTest::newRow("no type, servicenow xml without declaration")
        << "<response><result><number>INC1</number></result></response>"_ba << QByteArray() << BodyKind::Xml;
    QTest::newRow("no type, html doctype") << "<!DOCTYPE html>\n<html>"_ba << QByteArray() << BodyKind::Html;
    QTest::newRow("no type, html doctype in lower case")
        << "\n  <!doctype html><title>x</title>"_ba << QByteArray() << BodyKind::Html;
    QTest::newRow("no type, html root")
        << "<HTML><BODY>502 Bad Gateway</BODY></HTML>"_ba << QByteArray() << BodyKind::Html;
    QTest::newRow("no type, comment then html")
        << "<!-- generated --><html lang=\"en\">"_ba << QByteArray() << BodyKind::Html;
    QTest::newRow("no type, xhtml with declaration")
        << "<?xml version=\"1.0\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"_ba
        << QByteArray() << BodyKind::Html;
    QTest::newRow("no type, svg") << Svg << QByteArray() << BodyKind::Image;
    QTest::newRow("no type, bare svg")
        << "<svg viewBox=\"0 0 1 1\"></svg>"_ba << QByteArray() << BodyKind::Image;
    QTest::newRow("no type, an element named svgfoo is xml")
        << "<svgfoo/>"_ba << QByteArray() << BodyKind::Xml;
    QTest::newRow("no type, png") << Png << QByteArray() << BodyKind::Image;
    QTest::newRow("octet-stream, jpeg") << Jpeg << "application/octet-stream"_ba << BodyKind::Image;
    QTest::newRow("no type, gif") << Gif << QByteArray() << BodyKind::Image;
    QTest::newRow("no type, webp") << Webp << QByteArray() << BodyKind::Image;
    QTest::newRow("no type, pdf") << "%PDF-1.4\n%\xe2\xe3\xcf\xd3"_ba << QByteArray() << BodyKind::Binary;
    QTest::newRow("no type, a NUL byte") << QByteArray("abc\0def", 7) << QByteArray() << BodyKind::Binary;
    QTest::newRow("text/plain, a NUL byte")
        << QByteArray("abc\0def", 7) << "text/plain"_ba << BodyKind::Binary;
    QTest::newRow("octet-stream, random bytes")
        << randomBytes(4096, 5) << "application/octet-stream"_ba << BodyKind::Binary;
    QTest::newRow("no type, mostly invalid UTF-8") << highBytes(1000) << QByteArray() << BodyKind::Binary;
    QTest::newRow("a charset says text, whatever its bytes")
        << highBytes(1000) << "text/plain; charset=windows-1251"_ba << BodyKind::Text;
    QTest::newRow("no type, Latin-1 text") << "Gr\xfc\xdf"
                                              " aus Z\xfcrich, \xe7"
                                              "a va bien."_ba
                                           << QByteArray() << BodyKind::Text;
    QTest::newRow("no type, UTF-8 text") << "Gr\xc3\xbc\xc3\x9f"
                                            "e, \xe6\x9d\xb1\xe4\xba\xac"_ba
                                         << QByteArray() << BodyKind::Text;
    QTest::newRow("no type, UTF-16 JSON with a byte order mark")
        << QByteArray("\xff\xfe{\0\"\0a\0\"\0:\0\x31\0}\0", 16) << QByteArray() << BodyKind::Json;
    QTest::newRow("no type, UTF-16 XML with a byte order mark")
        << QByteArray("\xfe\xff\0<\0a\0/\0>", 10) << QByteArray() << BodyKind::Xml;
    QTest::newRow("unknown vendor type, text") << "OK"_ba
                                               << "application/vnd.example"_ba << BodyKind::Text;
    QTest::newRow("a lone '<' is text") << "< 5"_ba << QByteArray() << BodyKind::Text;
    QTest::newRow("a NUL past the first 8 KiB is not looked at")
        << QByteArray(9000, 'a') + QByteArray(1, '\0') << QByteArray() << BodyKind::Text;
    QTest::newRow("UTF-8 character cut at 8 KiB is not invalid")
        << QByteArray(8191, 'a') + "\xe2\x9c\x93" << QByteArray() << BodyKind::Text;
}

void tst_BodySniffer::detect()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(BodyKind, expected);
    QCOMPARE(BodySniffer::name(BodySniffer::detect(body, contentType)), BodySniffer::name(expected));
}

void tst_BodySniffer::imageFormat_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("png by magic") << Png << QByteArray() << "png"_ba;
    QTest::newRow("jpeg by magic") << Jpeg << "image/jpeg"_ba
                                   << "jpeg"_ba;
    QTest::newRow("gif by magic") << Gif << QByteArray() << "gif"_ba;
    QTest::newRow("webp by magic") << Webp << QByteArray() << "webp"_ba;
    QTest::newRow("svg by its root") << Svg << QByteArray() << "svg"_ba;
    QTest::newRow("magic wins over a wrong type") << Png << "image/jpeg"_ba
                                                  << "png"_ba;
    QTest::newRow("type when the bytes do not say") << "??"_ba
                                                    << "image/webp"_ba
                                                    << "webp"_ba;
    QTest::newRow("svg by type") << "<x/>"_ba
                                 << "image/svg+xml; charset=utf-8"_ba
                                 << "svg"_ba;
    QTest::newRow("jpg alias") << "??"_ba
                               << "image/jpg"_ba
                               << "jpeg"_ba;
    QTest::newRow("unknown image type") << "??"_ba
                                        << "image/tiff"_ba << QByteArray();
    QTest::newRow("not an image") << "{}"_ba
                                  << "application/json"_ba << QByteArray();
}

void tst_BodySniffer::imageFormat()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, expected);
    QCOMPARE(BodySniffer::imageFormat(body, contentType), expected);
}

void tst_BodySniffer::looksBinary_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("binary");

    QTest::newRow("ascii") << "hello\tworld\r\n"_ba << false;
    QTest::newRow("a NUL") << QByteArray(1, '\0') << true;
    QTest::newRow("control characters") << "\x01\x02\x03\x04 abc"_ba << true;
    QTest::newRow("one stray Latin-1 byte in a long text") << QByteArray(100, 'a') + "\xe9" << false;
    QTest::newRow("an unfinished character at the real end counts")
        << "ab\xe2"_ba << true; // the whole body was seen: nothing was cut
    QTest::newRow("terminal colours (escape)") << "\x1b[31mred\x1b[0m"_ba << false;
}

void tst_BodySniffer::looksBinary()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, binary);
    QCOMPARE(BodySniffer::looksBinary(head), binary);
}

QTEST_GUILESS_MAIN(tst_BodySniffer)
#include "tst_bodysniffer.moc"
