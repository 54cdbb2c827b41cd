// Client certificates (Settings → Client Certificates): which hosts get one, every file kind read
// (PEM or DER certificate with a plain or encrypted key, PKCS#12) and every way one can be wrong said
// with its host and file, never its passphrase; then mutual TLS for real: a QSslServer on 127.0.0.1
// that requires a client certificate signed by a CA made here (with the openssl command) sees the
// certificate in requests and token requests to its host, and no certificate goes to another host.

#include "http/clientcertificates.h"
#include "http/httpclient.h"
#include "oauth/tokenendpointclient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

Q_DECLARE_METATYPE(Postern::HttpResponse)
Q_DECLARE_METATYPE(Postern::OAuth2Result)

namespace {

// An HTTPS server that asks for a client certificate and answers every request with the subject's
// common name of the certificate it got (or "none"), as JSON. A handshake without an acceptable
// certificate fails.
class MutualTlsServer : public QSslServer
{
public:
    QStringList seen; // common names, one per request, "none" when no certificate came

    explicit MutualTlsServer(const QSslConfiguration &configuration)
    {
        setSslConfiguration(configuration);
        connect(this, &QSslServer::sslErrors, this, [](QSslSocket *, const QList<QSslError> &errors) {
            for (const QSslError &error : errors)
                qWarning("server TLS error: %s", qPrintable(error.errorString()));
        });
        connect(this, &QSslServer::errorOccurred, this, [](QSslSocket *socket, QAbstractSocket::SocketError) {
            qWarning("server socket error: %s", qPrintable(socket->errorString()));
        });
        connect(this, &QSslServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                auto *tls = qobject_cast<QSslSocket *>(socket);
                connect(socket, &QTcpSocket::readyRead, socket, [this, tls] {
                    if (!tls->readAll().contains("\r\n\r\n"))
                        return;
                    const QSslCertificate peer = tls->peerCertificate();
                    const QString name
                        = peer.isNull() ? u"none"_s : peer.subjectInfo(QSslCertificate::CommonName).value(0);
                    seen << name;
                    const QByteArray body = R"({"access_token":"mtls-token","token_type":"Bearer","client":")"
                        + name.toUtf8() + "\"}";
                    tls->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                               "Content-Length: "
                               + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    tls->disconnectFromHost();
                });
            }
        });
    }
};

} // namespace

class tst_ClientCertificates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matches_data();
    void matches();
    void readsEveryKind_data();
    void readsEveryKind();
    void problemsNameHostAndFile_data();
    void problemsNameHostAndFile();
    void jsonKeepsNoPassphrase();
    void mutualTls();

private:
    bool openssl(const QStringList &arguments);
    QString path(const QString &name) const { return m_dir.filePath(name); }
    HttpResponse get(HttpClient *client, const QUrl &url);

    QTemporaryDir m_dir;
    QString m_opensslError;
};

bool tst_ClientCertificates::openssl(const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(u"openssl"_s, arguments);
    if (!process.waitForStarted(10000) || !process.waitForFinished(30000) || process.exitCode() != 0) {
        m_opensslError = QString::fromLocal8Bit(process.readAllStandardError()) + process.errorString();
        return false;
    }
    return true;
}

void tst_ClientCertificates::initTestCase()
{
    qRegisterMetaType<HttpResponse>();
    qRegisterMetaType<OAuth2Result>();
    QVERIFY(m_dir.isValid());
    // A CA, a server certificate for 127.0.0.1, and a client certificate in every form users have.
    const QString subjectAltName = u"subjectAltName=IP:127.0.0.1"_s;
    const QList<QStringList> steps {
        { u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s,
          u"-nodes"_s, u"-keyout"_s, u"ca.key"_s, u"-out"_s, u"ca.crt"_s, u"-days"_s, u"2"_s, u"-subj"_s,
          u"/CN=Test CA"_s },
        { u"req"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s, u"-nodes"_s,
          u"-keyout"_s, u"server.key"_s, u"-out"_s, u"server.csr"_s, u"-subj"_s, u"/CN=127.0.0.1"_s },
        { u"x509"_s, u"-req"_s, u"-in"_s, u"server.csr"_s, u"-CA"_s, u"ca.crt"_s, u"-CAkey"_s, u"ca.key"_s,
          u"-CAcreateserial"_s, u"-out"_s, u"server.crt"_s, u"-days"_s, u"2"_s, u"-extfile"_s, u"san.cnf"_s },
        { u"req"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, u"client.key"_s, u"-out"_s,
          u"client.csr"_s, u"-subj"_s, u"/CN=postern-client"_s },
        { u"x509"_s, u"-req"_s, u"-in"_s, u"client.csr"_s, u"-CA"_s, u"ca.crt"_s, u"-CAkey"_s, u"ca.key"_s,
          u"-CAcreateserial"_s, u"-out"_s, u"client.crt"_s, u"-days"_s, u"2"_s },
        { u"x509"_s, u"-in"_s, u"client.crt"_s, u"-outform"_s, u"DER"_s, u"-out"_s, u"client.der"_s },
        { u"pkcs8"_s, u"-topk8"_s, u"-v2"_s, u"aes-256-cbc"_s, u"-in"_s, u"client.key"_s, u"-passout"_s,
          u"pass:key secret"_s, u"-out"_s, u"client-encrypted.key"_s },
        { u"pkcs12"_s, u"-export"_s, u"-in"_s, u"client.crt"_s, u"-inkey"_s, u"client.key"_s, u"-certfile"_s,
          u"ca.crt"_s, u"-passout"_s, u"pass:p12 secret"_s, u"-out"_s, u"client.p12"_s },
    };
    QFile san(path(u"san.cnf"_s));
    QVERIFY(san.open(QIODevice::WriteOnly) && san.write(subjectAltName.toLatin1() + '\n') > 0);
    san.close();
    for (const QStringList &step : steps)
        QVERIFY2(openssl(step), qPrintable(step.join(u' ') + u": "_s + m_opensslError));
}

void tst_ClientCertificates::matches_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("matches");
    QTest::newRow("same host") << u"api.example.com"_s << u"https://api.example.com/x"_s << true;
    QTest::newRow("case") << u"API.Example.com"_s << u"https://api.example.COM/x"_s << true;
    QTest::newRow("http never") << u"api.example.com"_s << u"http://api.example.com/x"_s << false;
    QTest::newRow("another host") << u"api.example.com"_s << u"https://example.com/x"_s << false;
    QTest::newRow("a suffix is not the host") << u"example.com"_s << u"https://evilexample.com/"_s << false;
    QTest::newRow("wildcard, a name below") << u"*.example.com"_s << u"https://a.b.example.com/"_s << true;
    QTest::newRow("wildcard, not the name itself")
        << u"*.example.com"_s << u"https://example.com/"_s << false;
    QTest::newRow("wildcard, not a look-alike")
        << u"*.example.com"_s << u"https://evilexample.com/"_s << false;
    QTest::newRow("default port 443") << u"api.example.com"_s << u"https://api.example.com:8443/"_s << false;
    QTest::newRow("port given") << u"api.example.com:8443"_s << u"https://api.example.com:8443/"_s << true;
    QTest::newRow("port given, other port")
        << u"api.example.com:8443"_s << u"https://api.example.com/"_s << false;
    QTest::newRow("IP and port") << u"127.0.0.1:4443"_s << u"https://127.0.0.1:4443/token"_s << true;
    QTest::newRow("IPv6") << u"[::1]:4443"_s << u"https://[::1]:4443/"_s << true;
    QTest::newRow("bad port") << u"api.example.com:x"_s << u"https://api.example.com/"_s << false;
    QTest::newRow("empty host") << QString() << u"https://api.example.com/"_s << false;
}

void tst_ClientCertificates::matches()
{
    QFETCH(QString, host);
    QFETCH(QString, url);
    QFETCH(bool, matches);
    ClientCertificate entry;
    entry.host = host;
    QCOMPARE(entry.matches(QUrl(url)), matches);
}

void tst_ClientCertificates::readsEveryKind_data()
{
    QTest::addColumn<QString>("cert");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("pfx");
    QTest::addColumn<QString>("passphrase");
    QTest::newRow("PEM certificate, PEM key") << u"client.crt"_s << u"client.key"_s << QString() << QString();
    QTest::newRow("DER certificate") << u"client.der"_s << u"client.key"_s << QString() << QString();
    QTest::newRow("encrypted key") << u"client.crt"_s << u"client-encrypted.key"_s << QString()
                                   << u"key secret"_s;
    QTest::newRow("PKCS#12") << QString() << QString() << u"client.p12"_s << u"p12 secret"_s;
}

void tst_ClientCertificates::readsEveryKind()
{
    QFETCH(QString, cert);
    QFETCH(QString, key);
    QFETCH(QString, pfx);
    QFETCH(QString, passphrase);
    ClientCertificate entry;
    entry.host = u"api.example.com"_s;
    entry.certFile = cert.isEmpty() ? QString() : path(cert);
    entry.keyFile = key.isEmpty() ? QString() : path(key);
    entry.pfxFile = pfx.isEmpty() ? QString() : path(pfx);
    entry.passphrase = passphrase;
    QList<QSslCertificate> chain;
    QSslKey privateKey;
    QString error;
    QVERIFY2(ClientCertificates::read(entry, &chain, &privateKey, &error), qPrintable(error));
    QCOMPARE(chain.first().subjectInfo(QSslCertificate::CommonName).value(0), u"postern-client"_s);
    QVERIFY(!privateKey.isNull());
    QCOMPARE(privateKey.type(), QSsl::PrivateKey);
    const ClientCertificates certificates({ entry });
    QVERIFY(certificates.problems().isEmpty());
    QVERIFY(certificates.forUrl(QUrl(u"https://api.example.com/"_s)));
    QVERIFY(!certificates.forUrl(QUrl(u"https://other.example.com/"_s)));
}

void tst_ClientCertificates::problemsNameHostAndFile_data()
{
    QTest::addColumn<QString>("cert");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("pfx");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("said");
    QTest::newRow("wrong PKCS#12 passphrase")
        << QString() << QString() << u"client.p12"_s << u"not it"_s << u"passphrase is wrong"_s;
    QTest::newRow("encrypted key without passphrase") << u"client.crt"_s << u"client-encrypted.key"_s
                                                      << QString() << QString() << u"needs its passphrase"_s;
    QTest::newRow("encrypted key, wrong passphrase")
        << u"client.crt"_s << u"client-encrypted.key"_s << QString() << u"nope"_s << u"cannot be read"_s;
    QTest::newRow("missing certificate file")
        << u"gone.crt"_s << u"client.key"_s << QString() << QString() << u"no file"_s;
    QTest::newRow("a key where the certificate goes")
        << u"client.key"_s << u"client.key"_s << QString() << QString() << u"no PEM or DER certificate"_s;
    QTest::newRow("a certificate where the key goes")
        << u"client.crt"_s << u"client.crt"_s << QString() << QString() << u"not a private key"_s;
    QTest::newRow("not PKCS#12") << QString() << QString() << u"client.crt"_s << u"zz-secret-zz"_s
                                 << u"PKCS#12"_s;
}

void tst_ClientCertificates::problemsNameHostAndFile()
{
    QFETCH(QString, cert);
    QFETCH(QString, key);
    QFETCH(QString, pfx);
    QFETCH(QString, passphrase);
    QFETCH(QString, said);
    ClientCertificate entry;
    entry.host = u"gateway.example.com"_s;
    entry.certFile = cert.isEmpty() ? QString() : path(cert);
    entry.keyFile = key.isEmpty() ? QString() : path(key);
    entry.pfxFile = pfx.isEmpty() ? QString() : path(pfx);
    entry.passphrase = passphrase;
    const ClientCertificates certificates({ entry });
    QCOMPARE(certificates.problems().size(), 1);
    const QString problem = certificates.problems().first();
    QVERIFY2(problem.contains(said), qPrintable(problem));
    QVERIFY2(problem.contains(u"gateway.example.com"_s), qPrintable(problem));
    QVERIFY2(problem.contains(QFileInfo(cert.isEmpty() ? pfx : cert).fileName())
                 || problem.contains(QFileInfo(key).fileName()),
             qPrintable(problem));
    if (!passphrase.isEmpty())
        QVERIFY(!problem.contains(passphrase));
    // Left out: no request gets it.
    QVERIFY(!certificates.forUrl(QUrl(u"https://gateway.example.com/"_s)));
}

void tst_ClientCertificates::jsonKeepsNoPassphrase()
{
    ClientCertificate entry;
    entry.host = u"api.example.com:8443"_s;
    entry.pfxFile = u"/keys/client.p12"_s;
    entry.passphrase = u"canary-certificate-passphrase"_s;
    const QJsonObject json = entry.toJson();
    QVERIFY(!QJsonDocument(json).toJson().contains("canary-certificate-passphrase"));
    const ClientCertificate back = ClientCertificate::fromJson(json);
    QCOMPARE(back.host, entry.host);
    QCOMPARE(back.pfxFile, entry.pfxFile);
    QVERIFY(back.passphrase.isEmpty());
}

HttpResponse tst_ClientCertificates::get(HttpClient *client, const QUrl &url)
{
    HttpRequest request;
    request.url = url.toString();
    HttpCall *call = client->send(request);
    QSignalSpy finished(call, &HttpCall::finished);
    if (!finished.wait(15000))
        return {};
    return finished.first().first().value<HttpResponse>();
}

void tst_ClientCertificates::mutualTls()
{
    const QList<QSslCertificate> ca = QSslCertificate::fromPath(path(u"ca.crt"_s));
    QCOMPARE(ca.size(), 1);
    QSslConfiguration serverTls = QSslConfiguration::defaultConfiguration();
    serverTls.setLocalCertificateChain(QSslCertificate::fromPath(path(u"server.crt"_s)));
    QFile serverKey(path(u"server.key"_s));
    QVERIFY(serverKey.open(QIODevice::ReadOnly));
    serverTls.setPrivateKey(QSslKey(&serverKey, QSsl::Ec));
    serverTls.setCaCertificates(ca);
    serverTls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    MutualTlsServer server(serverTls);
    QVERIFY(server.listen(QHostAddress::LocalHost));
    // The client trusts the test CA, as a user adds a company CA to the system.
    const QSslConfiguration original = QSslConfiguration::defaultConfiguration();
    QSslConfiguration clientTls = original;
    clientTls.addCaCertificates(ca);
    QSslConfiguration::setDefaultConfiguration(clientTls);
    const auto restore = qScopeGuard([original] { QSslConfiguration::setDefaultConfiguration(original); });

    const QUrl url(u"https://127.0.0.1:%1/api/now/table/incident"_s.arg(server.serverPort()));
    ClientCertificate entry;
    entry.host = u"127.0.0.1:%1"_s.arg(server.serverPort());
    entry.pfxFile = path(u"client.p12"_s);
    entry.passphrase = u"p12 secret"_s;
    CertificateNetworkManager network;
    HttpClient client(&network);

    // No certificate set: the server refuses the handshake.
    const HttpResponse refused = get(&client, url);
    QVERIFY2(refused.statusCode == 0, qPrintable(QString::number(refused.statusCode)));
    QVERIFY(server.seen.isEmpty());

    // A certificate for another host is not sent there.
    ClientCertificate elsewhere = entry;
    elsewhere.host = u"127.0.0.2:%1"_s.arg(server.serverPort());
    network.setClientCertificates(ClientCertificates({ elsewhere }));
    QCOMPARE(get(&client, url).statusCode, 0);
    QVERIFY(server.seen.isEmpty());

    // For this host: the server sees it, in requests and in token requests.
    network.setClientCertificates(ClientCertificates({ entry }));
    const HttpResponse ok = get(&client, url);
    QVERIFY2(ok.statusCode == 200, qPrintable(ok.errorMessage));
    QCOMPARE(server.seen, QStringList { u"postern-client"_s });

    TokenEndpointClient endpoint(&network);
    OAuth2Config config;
    config.tokenName = u"mTLS"_s;
    config.grantType = OAuth2GrantType::ClientCredentials;
    config.accessTokenUrl = url.resolved(QUrl(u"/oauth_token.do"_s)).toString();
    config.clientId = u"client"_s;
    TokenEndpointJob *job = endpoint.requestClientCredentialsToken(config);
    QSignalSpy finished(job, &TokenEndpointJob::finished);
    QVERIFY(finished.wait(15000));
    const OAuth2Result result = finished.first().first().value<OAuth2Result>();
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.token.raw.value(u"client"_s).toString(), u"postern-client"_s);
}

QTEST_GUILESS_MAIN(tst_ClientCertificates)
#include "tst_clientcertificates.moc"
