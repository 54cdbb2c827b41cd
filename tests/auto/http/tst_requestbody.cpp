#include "http/httpclient.h"
#include "http/requestbody.h"
#include "shared/placeholders.h"
#include "shared/testhttpserver.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(Postern::HttpResponse)
Q_DECLARE_METATYPE(Postern::HttpRequest)

namespace {

// The bytes of the files every test finds in its directory.
const QByteArray noteBytes = "Hello,\r\nworld\n";
const QByteArray binaryBytes("\x00\xff\r\n--\x89PNG\r\n\x1a\n", 14);

HttpRequest post(BodyMode mode)
{
    HttpRequest request;
    request.method = u"POST"_s;
    request.bodyMode = mode;
    return request;
}

FormPart textPart(const QString &key, const QString &value, const QString &type = QString())
{
    return { key, value, false, type, true, {} };
}

FormPart filePart(const QString &key, const QString &path, const QString &type = QString())
{
    return { key, path, true, type, true, {} };
}

// One part of a multipart body as a server reads it.
struct ReceivedPart
{
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray content;

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return QByteArray();
    }
};

// A strict reader of RFC 7578 bodies: every delimiter line, CRLFs and the closing delimiter checked.
std::optional<QList<ReceivedPart>> parseMultipart(const QByteArray &contentType, const QByteArray &body)
{
    const qsizetype at = contentType.indexOf("boundary=");
    if (!contentType.startsWith("multipart/form-data;") || at < 0)
        return std::nullopt;
    const QByteArray delimiter = "--" + contentType.mid(at + 9);
    if (!body.startsWith(QByteArray(delimiter + "\r\n"))
        || !body.endsWith(QByteArray("\r\n" + delimiter + "--\r\n")))
        return std::nullopt;
    QList<ReceivedPart> parts;
    qsizetype pos = delimiter.size() + 2;
    const qsizetype end = body.size() - delimiter.size() - 6;
    while (pos <= end) {
        const qsizetype next = body.indexOf(QByteArray("\r\n" + delimiter), pos);
        if (next < 0)
            return std::nullopt;
        const QByteArray chunk = body.mid(pos, next - pos);
        const qsizetype blank = chunk.indexOf("\r\n\r\n");
        if (blank < 0)
            return std::nullopt;
        ReceivedPart part;
        const QByteArray headerBlock = chunk.left(blank);
        if (headerBlock.count('\n') != headerBlock.count("\r\n"))
            return std::nullopt; // a bare LF between part headers
        for (const QByteArray &line : headerBlock.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                return std::nullopt;
            part.headers.append({ line.left(colon).trimmed(), line.mid(colon + 1).trimmed() });
        }
        part.content = chunk.mid(blank + 4);
        parts.append(part);
        pos = next + 2 + delimiter.size() + 2;
    }
    return parts;
}

} // namespace

class tst_RequestBody : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void onTheWire_data();
    void onTheWire();
    void multipartPartByPart();
    void multipartWithTypedContentType_data();
    void multipartWithTypedContentType();
    void boundaryNeverInTheContent();
    void generatedContentType_data();
    void generatedContentType();
    void missingFileStopsTheSend_data();
    void missingFileStopsTheSend();
    void hugeFileRefused();
    void invalidGraphqlVariables_data();
    void invalidGraphqlVariables();
    void getSendsNoBodyAndChecksNoFile();
    void filesOnlyFromTheWorkingDirectory_data();
    void filesOnlyFromTheWorkingDirectory();

private:
    HttpResponse sendAndWait(const HttpRequest &request);
    QString path(const QString &name) const { return m_dir->filePath(name); }
    HttpRequest inDirectory(HttpRequest request) const;

    QNetworkAccessManager m_manager;
    std::unique_ptr<HttpClient> m_client;
    std::unique_ptr<TestHttpServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_RequestBody::initTestCase()
{
    qRegisterMetaType<HttpResponse>();
    QStandardPaths::setTestModeEnabled(true);
}

void tst_RequestBody::init()
{
    m_manager.clearConnectionCache();
    m_client = std::make_unique<HttpClient>(&m_manager);
    m_server = std::make_unique<TestHttpServer>();
    QVERIFY(m_server->listenOnLoopback());
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    for (const auto &[name, bytes] :
         { std::pair { u"note.txt"_s, noteBytes }, std::pair { u"pixel.png"_s, binaryBytes },
           std::pair { u"data.unknownext"_s, binaryBytes } }) {
        QFile file(path(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
    }
}

HttpResponse tst_RequestBody::sendAndWait(const HttpRequest &request)
{
    HttpCall *call = m_client->send(request);
    QSignalSpy spy(call, &HttpCall::finished);
    if (!spy.wait(10000))
        return {};
    return spy.first().first().value<HttpResponse>();
}

// The rows name files by their name alone; here they become paths in this test's directory.
HttpRequest tst_RequestBody::inDirectory(HttpRequest request) const
{
    request.url = m_server->url(u"/upload"_s).toString();
    request.files.setWorkingDirectory(m_dir->path());
    if (!request.bodyFile.isEmpty())
        request.bodyFile = path(request.bodyFile);
    for (FormPart &part : request.formParts) {
        if (part.isFile && !part.value.isEmpty())
            part.value = path(part.value);
    }
    return request;
}

void tst_RequestBody::onTheWire_data()
{
    QTest::addColumn<HttpRequest>("request");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");

    HttpRequest raw = post(BodyMode::Raw);
    raw.body = R"({"a":1})";
    raw.bodyContentType = u"application/json"_s;
    raw.formFields = { { u"ignored"_s, u"1"_s, true, {} } };
    QTest::newRow("raw JSON, other modes' fields ignored") << raw << raw.body << "application/json"_ba;

    HttpRequest form = post(BodyMode::UrlEncoded);
    form.body = "ignored";
    form.formFields = { { u"grant_type"_s, u"client_credentials"_s, true, {} },
                        { u"off"_s, u"x"_s, false, {} },
                        { QString(), QString(), true, {} },
                        { u"scope"_s, u"read write+all"_s, true, {} },
                        { u"na\u00efve&="_s, u"caf\u00e9/?"_s, true, {} },
                        { u"empty"_s, QString(), true, {} } };
    QTest::newRow("urlencoded: enabled fields, encoded")
        << form
        << "grant_type=client_credentials&scope=read+write%2Ball&na%C3%AFve%26%3D=caf%C3%A9%2F%3F&empty="_ba
        << "application/x-www-form-urlencoded"_ba;

    HttpRequest typedForm = form;
    typedForm.headers
        = { { u"Content-Type"_s, u"application/x-www-form-urlencoded; charset=utf-8"_s, true, {} } };
    typedForm.formFields = { { u"a"_s, u"1"_s, true, {} } };
    QTest::newRow("urlencoded: the user's Content-Type wins")
        << typedForm << "a=1"_ba
        << "application/x-www-form-urlencoded; charset=utf-8"_ba;

    HttpRequest noFields = post(BodyMode::UrlEncoded);
    noFields.formFields = { { u"off"_s, u"1"_s, false, {} } };
    QTest::newRow("urlencoded: nothing enabled, no body") << noFields << QByteArray() << QByteArray();

    HttpRequest binary = post(BodyMode::Binary);
    binary.bodyFile = u"pixel.png"_s;
    QTest::newRow("binary: type from the name") << binary << binaryBytes << "image/png"_ba;
    binary.bodyContentType = u"application/vnd.custom"_s;
    QTest::newRow("binary: type given") << binary << binaryBytes << "application/vnd.custom"_ba;
    binary.bodyContentType.clear();
    binary.bodyFile = u"data.unknownext"_s;
    QTest::newRow("binary: unknown name") << binary << binaryBytes << "application/octet-stream"_ba;
    binary.bodyFile.clear();
    QTest::newRow("binary: no file chosen, no body") << binary << QByteArray() << QByteArray();

    HttpRequest graphql = post(BodyMode::GraphQL);
    graphql.graphqlQuery = u"query($id: ID!) { user(id: $id) { name } }"_s;
    graphql.graphqlVariables = u"{\n  \"id\": \"42\"\n}"_s;
    QTest::newRow("graphql with variables")
        << graphql << R"({"query":"query($id: ID!) { user(id: $id) { name } }","variables":{"id":"42"}})"_ba
        << "application/json"_ba;
    graphql.graphqlVariables = u"  \n"_s;
    QTest::newRow("graphql without variables")
        << graphql << R"({"query":"query($id: ID!) { user(id: $id) { name } }"})"_ba
        << "application/json"_ba;
}

void tst_RequestBody::onTheWire()
{
    QFETCH(HttpRequest, request);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    const HttpRequest sent = inDirectory(request);
    QVERIFY2(sent.problems().isEmpty(), qPrintable(sent.problems().join(u'\n')));
    const HttpResponse response = sendAndWait(sent);
    QVERIFY2(response.error == HttpResponse::Error::None, qPrintable(response.errorMessage));
    QCOMPARE(m_server->requests().size(), 1);
    const TestHttpServer::Request &received = m_server->requests().constFirst();
    QCOMPARE(received.method, "POST"_ba);
    QCOMPARE(received.body, body);
    QCOMPARE(received.header("content-type"), contentType);
    // The Headers tab shows what was sent.
    QString shown;
    for (const KeyValue &row : sent.effectiveHeaders()) {
        if (row.key.compare(u"Content-Type"_s, Qt::CaseInsensitive) == 0)
            shown = row.value;
    }
    QCOMPARE(shown.toUtf8(), contentType);
}

void tst_RequestBody::multipartPartByPart()
{
    HttpRequest request = post(BodyMode::FormData);
    request.formParts = { textPart(u"title"_s, u"Quarterly report \u00e9\r\nline two"_s),
                          textPart(u"meta"_s, u"{\"a\":1}"_s, u"application/json"_s),
                          FormPart { u"skipped"_s, u"x"_s, false, {}, false, {} },
                          filePart(u"attachment"_s, u"note.txt"_s),
                          filePart(u"image"_s, u"pixel.png"_s),
                          filePart(u"blob"_s, u"data.unknownext"_s, u"application/x-custom"_s),
                          textPart(u"we\"ird\nname \u00fc"_s, QString()) };
    const HttpResponse response = sendAndWait(inDirectory(request));
    QVERIFY2(response.error == HttpResponse::Error::None, qPrintable(response.errorMessage));
    const TestHttpServer::Request &received = m_server->requests().constFirst();
    const QByteArray contentType = received.header("content-type");
    QVERIFY2(contentType.startsWith("multipart/form-data; boundary=----PosternFormBoundary"),
             contentType.constData());
    QCOMPARE(received.header("content-length").toLongLong(), received.body.size());

    const std::optional<QList<ReceivedPart>> parts = parseMultipart(contentType, received.body);
    QVERIFY2(parts, received.body.left(400).constData());
    QCOMPARE(parts->size(), 6);
    QCOMPARE(parts->at(0).header("content-disposition"), "form-data; name=\"title\""_ba);
    QCOMPARE(parts->at(0).header("content-type"), QByteArray()); // text/plain by default (RFC 7578 §4.4)
    QCOMPARE(parts->at(0).content, u"Quarterly report \u00e9\r\nline two"_s.toUtf8());
    QCOMPARE(parts->at(1).header("content-type"), "application/json"_ba);
    QCOMPARE(parts->at(1).content, "{\"a\":1}"_ba);
    QCOMPARE(parts->at(2).header("content-disposition"),
             "form-data; name=\"attachment\"; filename=\"note.txt\""_ba);
    QCOMPARE(parts->at(2).header("content-type"), "text/plain"_ba);
    QCOMPARE(parts->at(2).content, noteBytes);
    QCOMPARE(parts->at(3).header("content-disposition"),
             "form-data; name=\"image\"; filename=\"pixel.png\""_ba);
    QCOMPARE(parts->at(3).header("content-type"), "image/png"_ba);
    QCOMPARE(parts->at(3).content, binaryBytes);
    QCOMPARE(parts->at(4).header("content-type"), "application/x-custom"_ba);
    QCOMPARE(parts->at(4).content, binaryBytes);
    QCOMPARE(parts->at(5).header("content-disposition"),
             u"form-data; name=\"we%22ird%0Aname \u00fc\""_s.toUtf8());
    QCOMPARE(parts->at(5).content, QByteArray());

    // Every send chooses a fresh boundary.
    sendAndWait(inDirectory(request));
    QCOMPARE(m_server->requests().size(), 2);
    QVERIFY(m_server->requests().at(1).header("content-type") != contentType);
}

void tst_RequestBody::multipartWithTypedContentType_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("sentPrefix"); // what the header starts with; the boundary follows
    QTest::addColumn<QString>("boundary"); // expected boundary; empty: a generated one

    QTest::newRow("without boundary: one is added")
        << u"multipart/form-data"_s << u"multipart/form-data; boundary=----PosternFormBoundary"_s
        << QString();
    QTest::newRow("with boundary: it is used")
        << u"multipart/form-data; boundary=\"my-bound\""_s << u"multipart/form-data; boundary=\"my-bound\""_s
        << u"my-bound"_s;
}

void tst_RequestBody::multipartWithTypedContentType()
{
    QFETCH(QString, typed);
    QFETCH(QString, sentPrefix);
    QFETCH(QString, boundary);
    HttpRequest request = post(BodyMode::FormData);
    request.headers = { { u"Content-Type"_s, typed, true, {} } };
    request.formParts = { textPart(u"a"_s, u"1"_s) };
    QVERIFY(request.generatedHeaders().isEmpty()); // the user's header wins
    const HttpResponse response = sendAndWait(inDirectory(request));
    QVERIFY2(response.error == HttpResponse::Error::None, qPrintable(response.errorMessage));
    const TestHttpServer::Request &received = m_server->requests().constFirst();
    const QByteArray contentType = received.header("content-type");
    QVERIFY2(contentType.startsWith(sentPrefix.toUtf8()), contentType.constData());
    const QByteArray used
        = boundary.isEmpty() ? contentType.mid(contentType.indexOf("boundary=") + 9) : boundary.toUtf8();
    QVERIFY(received.body.startsWith(QByteArray("--" + used + "\r\n")));
    QVERIFY(received.body.endsWith(QByteArray("\r\n--" + used + "--\r\n")));
}

void tst_RequestBody::boundaryNeverInTheContent()
{
    HttpRequest request = post(BodyMode::FormData);
    request.formParts = { textPart(u"a"_s, u"look: ----PosternFormBoundaryAAAA inside"_s) };
    QList<QByteArray> candidates
        = { "----PosternFormBoundaryAAAA", "bad boundary with spaces", "----PosternFormBoundaryBBBB" };
    const WireBody wire = RequestBody::encode(request, [&candidates] { return candidates.takeFirst(); });
    QVERIFY2(wire.ok(), qPrintable(wire.error));
    QCOMPARE(wire.contentType, u"multipart/form-data; boundary=----PosternFormBoundaryBBBB"_s);
    QVERIFY(wire.bytes.startsWith("------PosternFormBoundaryBBBB\r\n"));
    QVERIFY(candidates.isEmpty());

    // Every candidate occurs: a clear error, never a broken body.
    const WireBody stuck = RequestBody::encode(request, [] { return "PosternFormBoundaryAAAA"_ba; });
    QVERIFY(!stuck.ok());
    QVERIFY2(stuck.error.contains(u"boundary"_s), qPrintable(stuck.error));

    // The user's own boundary occurs in the content: refused, with what to do.
    request.headers = { { u"Content-Type"_s, u"multipart/form-data; boundary=inside"_s, true, {} } };
    const WireBody typed = RequestBody::encode(request);
    QVERIFY(!typed.ok());
    QVERIFY2(typed.error.contains(u"remove it from the header"_s), qPrintable(typed.error));

    // Random boundaries are fresh and well formed.
    const QByteArray a = RequestBody::newBoundary();
    QVERIFY(a.size() <= 70);
    QVERIFY(a != RequestBody::newBoundary());
}

void tst_RequestBody::generatedContentType_data()
{
    QTest::addColumn<HttpRequest>("request");
    QTest::addColumn<QString>("contentType"); // empty: no automatic row

    HttpRequest raw = post(BodyMode::Raw);
    raw.bodyContentType = u"text/plain"_s;
    QTest::newRow("raw without text") << raw << QString();
    raw.body = "x";
    QTest::newRow("raw") << raw << u"text/plain"_s;
    HttpRequest form = post(BodyMode::UrlEncoded);
    form.formFields = { { u"a"_s, u"1"_s, true, {} } };
    QTest::newRow("urlencoded") << form << u"application/x-www-form-urlencoded"_s;
    HttpRequest parts = post(BodyMode::FormData);
    parts.formParts = { textPart(u"a"_s, u"1"_s) };
    QTest::newRow("form-data") << parts
                               << u"multipart/form-data; boundary=<calculated when the request is sent>"_s;
    parts.formParts.first().enabled = false;
    QTest::newRow("form-data, all off") << parts << QString();
    HttpRequest binary = post(BodyMode::Binary);
    binary.bodyFile = u"/nowhere/report.pdf"_s; // looked up by name only
    QTest::newRow("binary by name") << binary << u"application/pdf"_s;
    HttpRequest graphql = post(BodyMode::GraphQL);
    graphql.graphqlQuery = u"{ a }"_s;
    QTest::newRow("graphql") << graphql << u"application/json"_s;
    graphql.method = u"GET"_s;
    QTest::newRow("graphql with GET") << graphql << QString();
}

void tst_RequestBody::generatedContentType()
{
    QFETCH(HttpRequest, request);
    QFETCH(QString, contentType);
    const KeyValueList generated = request.generatedHeaders();
    if (contentType.isEmpty()) {
        QVERIFY(generated.isEmpty());
    } else {
        QCOMPARE(generated.size(), 1);
        QCOMPARE(generated.constFirst().key, u"Content-Type"_s);
        QCOMPARE(generated.constFirst().value, contentType);
    }
}

void tst_RequestBody::missingFileStopsTheSend_data()
{
    QTest::addColumn<HttpRequest>("request");
    QTest::addColumn<QString>("message");

    HttpRequest parts = post(BodyMode::FormData);
    parts.formParts = { textPart(u"a"_s, u"1"_s), filePart(u"doc"_s, u"gone.pdf"_s) };
    QTest::newRow("form-data file missing") << parts << u"gone.pdf\u201d does not exist"_s;
    parts.formParts = { filePart(u"doc"_s, QString()) };
    QTest::newRow("form-data file not chosen")
        << parts << u"\u201cdoc\u201d is a file, but no file is chosen"_s;
    parts.formParts = { filePart(u"doc"_s, u"."_s) };
    QTest::newRow("form-data file is a folder") << parts << u"is a folder, not a file"_s;
    HttpRequest binary = post(BodyMode::Binary);
    binary.bodyFile = u"gone.bin"_s;
    QTest::newRow("binary file missing") << binary << u"gone.bin\u201d does not exist"_s;
}

void tst_RequestBody::missingFileStopsTheSend()
{
    QFETCH(HttpRequest, request);
    QFETCH(QString, message);
    const HttpRequest sent = inDirectory(request);
    QCOMPARE(sent.problems().size(), 1);
    QVERIFY2(sent.problems().constFirst().contains(message), qPrintable(sent.problems().constFirst()));
    QVERIFY(!RequestBody::encode(sent).ok());

    const HttpResponse response = sendAndWait(sent);
    QCOMPARE(response.error, HttpResponse::Error::InvalidRequest);
    QVERIFY2(response.errorMessage.contains(message), qPrintable(response.errorMessage));
    QVERIFY(m_server->requests().isEmpty());
}

// Sparse files: the size is looked up, never read, so these cost no disk and no memory.
void tst_RequestBody::hugeFileRefused()
{
    const auto sparse = [this](const QString &name, qint64 size) {
        QFile file(path(name));
        return file.open(QIODevice::WriteOnly) && file.resize(size);
    };
    QVERIFY(sparse(u"huge.bin"_s, RequestBody::MaxFileSize + 1));
    QVERIFY(sparse(u"limit.bin"_s, RequestBody::MaxFileSize));
    QVERIFY(sparse(u"half.bin"_s, RequestBody::MaxFileSize / 2 + 1));

    HttpRequest binary = post(BodyMode::Binary);
    binary.bodyFile = u"huge.bin"_s;
    HttpRequest sent = inDirectory(binary);
    QCOMPARE(sent.problems().size(), 1);
    QVERIFY2(sent.problems().constFirst().contains(u"larger than 100 MiB"_s),
             qPrintable(sent.problems().constFirst()));
    HttpResponse response = sendAndWait(sent);
    QCOMPARE(response.error, HttpResponse::Error::InvalidRequest);
    QVERIFY(response.errorMessage.contains(u"larger than 100 MiB"_s));
    QVERIFY(m_server->requests().isEmpty());

    // Exactly at the limit is allowed.
    binary.bodyFile = u"limit.bin"_s;
    QVERIFY(inDirectory(binary).problems().isEmpty());

    // Several files count together.
    HttpRequest parts = post(BodyMode::FormData);
    parts.formParts = { filePart(u"a"_s, u"half.bin"_s), filePart(u"b"_s, u"half.bin"_s) };
    sent = inDirectory(parts);
    QCOMPARE(sent.problems().size(), 1);
    QVERIFY2(sent.problems().constFirst().contains(u"add up to more than 100 MiB"_s),
             qPrintable(sent.problems().constFirst()));
    const WireBody wire = RequestBody::encode(sent);
    QVERIFY(wire.error.contains(u"add up to more than 100 MiB"_s));
    QVERIFY(wire.bytes.isEmpty());
}

void tst_RequestBody::invalidGraphqlVariables_data()
{
    QTest::addColumn<QString>("variables");
    QTest::addColumn<QString>("message");
    QTest::newRow("truncated") << u"{\"id\": "_s << u"not valid JSON"_s;
    QTest::newRow("garbage") << u"id=1"_s << u"not valid JSON"_s;
    QTest::newRow("an array") << u"[1, 2]"_s << u"must be a JSON object"_s;
    QTest::newRow("trailing garbage") << u"{} x"_s << u"not valid JSON"_s;
}

void tst_RequestBody::invalidGraphqlVariables()
{
    QFETCH(QString, variables);
    QFETCH(QString, message);
    HttpRequest request = post(BodyMode::GraphQL);
    request.graphqlQuery = u"{ me { id } }"_s;
    request.graphqlVariables = variables;
    const HttpRequest sent = inDirectory(request);
    QCOMPARE(sent.problems().size(), 1);
    QVERIFY2(sent.problems().constFirst().contains(message), qPrintable(sent.problems().constFirst()));
    const HttpResponse response = sendAndWait(sent);
    QCOMPARE(response.error, HttpResponse::Error::InvalidRequest);
    QVERIFY(response.errorMessage.contains(u"GraphQL variables"_s));
    QVERIFY(m_server->requests().isEmpty());
}

// A GET sends no body, so a form-data file that is missing does not stop it.
void tst_RequestBody::getSendsNoBodyAndChecksNoFile()
{
    HttpRequest request = post(BodyMode::FormData);
    request.method = u"GET"_s;
    request.formParts = { filePart(u"doc"_s, u"gone.pdf"_s) };
    const HttpRequest sent = inDirectory(request);
    QVERIFY(sent.problems().isEmpty());
    const HttpResponse response = sendAndWait(sent);
    QVERIFY2(response.error == HttpResponse::Error::None, qPrintable(response.errorMessage));
    QCOMPARE(m_server->requests().size(), 1);
    QVERIFY(m_server->requests().constFirst().body.isEmpty());
    QVERIFY(m_server->requests().constFirst().header("content-type").isEmpty());
}

// The working-directory rule (FileAccess) as Send applies it: a file outside is refused before anything
// is sent, with a message naming it; relative paths are files in the working directory; ".." and
// symbolic links that lead out are outside; a file the user chose is sent wherever it is.
void tst_RequestBody::filesOnlyFromTheWorkingDirectory_data()
{
    QTest::addColumn<QString>("mode"); // "binary" or "form-data"
    QTest::addColumn<QString>("file"); // "OUT/" is the folder outside, "WD/" the working directory
    QTest::addColumn<bool>("chosen");
    QTest::addColumn<bool>("sent");

    for (const QString &mode : { u"binary"_s, u"form-data"_s }) {
        const auto row = [&mode](const char *name) -> QTestData & {
            return QTest::addRow("%s: %s", qPrintable(mode), name);
        };
        row("absolute path outside") << mode << u"OUT/secret.txt"_s << false << false;
        row("absolute path inside") << mode << u"WD/note.txt"_s << false << true;
        row("relative path inside") << mode << u"note.txt"_s << false << true;
        row("relative path in a subfolder") << mode << u"sub/inner.txt"_s << false << true;
        row("dot-dot out of the working directory") << mode << u"../out/secret.txt"_s << false << false;
        row("dot-dot through a subfolder") << mode << u"WD/sub/../../out/secret.txt"_s << false << false;
        row("symbolic link to a file outside") << mode << u"link-to-secret.txt"_s << false << false;
        row("symbolic link to a folder outside") << mode << u"linked-out/secret.txt"_s << false << false;
        row("symbolic link inside to a file inside") << mode << u"link-to-note.txt"_s << false << true;
        row("outside but chosen by the user") << mode << u"OUT/secret.txt"_s << true << true;
        row("another file than the one chosen") << mode << u"OUT/other.txt"_s << true << false;
    }
}

void tst_RequestBody::filesOnlyFromTheWorkingDirectory()
{
    QFETCH(QString, mode);
    QFETCH(QString, file);
    QFETCH(bool, chosen);
    QFETCH(bool, sent);

    // <tmp>/wd is the working directory, <tmp>/out a folder beside it holding the user's secrets.
    const QString wd = path(u"wd"_s);
    const QString out = path(u"out"_s);
    QVERIFY(QDir().mkpath(wd + u"/sub"_s));
    QVERIFY(QDir().mkpath(out));
    const QByteArray secret = "SECRET-KEY-MATERIAL";
    for (const auto &[name, bytes] :
         { std::pair<QString, QByteArray> { out + u"/secret.txt"_s, secret },
           std::pair<QString, QByteArray> { out + u"/other.txt"_s, secret },
           std::pair<QString, QByteArray> { wd + u"/note.txt"_s, noteBytes },
           std::pair<QString, QByteArray> { wd + u"/sub/inner.txt"_s, noteBytes } }) {
        QFile f(name);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), bytes.size());
    }
    QVERIFY(QFile::link(out + u"/secret.txt"_s, wd + u"/link-to-secret.txt"_s));
    QVERIFY(QFile::link(out, wd + u"/linked-out"_s));
    QVERIFY(QFile::link(wd + u"/note.txt"_s, wd + u"/link-to-note.txt"_s));

    const QString named
        = Testing::expandPlaceholders(file, { { u"OUT/"_s, out + u'/' }, { u"WD/"_s, wd + u'/' } });
    HttpRequest request = post(mode == u"binary"_s ? BodyMode::Binary : BodyMode::FormData);
    request.url = m_server->url(u"/upload"_s).toString();
    if (mode == u"binary"_s)
        request.bodyFile = named;
    else
        request.formParts = { textPart(u"a"_s, u"1"_s), filePart(u"doc"_s, named) };
    request.files.setWorkingDirectory(wd);
    if (chosen)
        request.files.allowChosenFile(out + u"/secret.txt"_s);

    const HttpResponse response = sendAndWait(request);
    if (sent) {
        QVERIFY2(request.problems().isEmpty(), qPrintable(request.problems().join(u'\n')));
        QVERIFY2(response.error == HttpResponse::Error::None, qPrintable(response.errorMessage));
        QCOMPARE(m_server->requests().size(), 1);
        const QByteArray expected = chosen ? secret : noteBytes;
        QVERIFY(m_server->requests().constFirst().body.contains(expected));
        return;
    }
    QCOMPARE(request.problems().size(), 1);
    QVERIFY2(request.problems().constFirst().contains(u"outside the working directory"_s),
             qPrintable(request.problems().constFirst()));
    QVERIFY(!RequestBody::encode(request).ok());
    QCOMPARE(response.error, HttpResponse::Error::InvalidRequest);
    QVERIFY2(response.errorMessage.contains(u"\u201c"_s + QDir::toNativeSeparators(named)
                                            + u"\u201d is outside"_s),
             qPrintable(response.errorMessage));
    QVERIFY(!response.errorMessage.contains(QString::fromLatin1(secret)));
    QVERIFY(m_server->requests().isEmpty());
}

QTEST_GUILESS_MAIN(tst_RequestBody)
#include "tst_requestbody.moc"
