#include "cli/clitls.h"

#include "cli/runcommand.h"

#include <QFile>
#include <QFileInfo>
#include <QSslCertificate>
#include <QSslKey>

using namespace Qt::StringLiterals;

namespace Postern::CliTls {

namespace {

// Certificate and key files are small; anything larger is not one.
constexpr qint64 maxFileBytes = 1024 * 1024;

QByteArray readSmall(const QString &path, const QString &option, QString *error)
{
    QFile file(path);
    if (!QFileInfo(path).isFile()) {
        *error = u"%1: there is no file \u201c%2\u201d."_s.arg(option, path);
        return QByteArray();
    }
    if (QFileInfo(path).size() > maxFileBytes) {
        *error = u"%1: \u201c%2\u201d is too large to be a certificate or key file."_s.arg(option, path);
        return QByteArray();
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"%1: \u201c%2\u201d cannot be read: %3."_s.arg(option, path, file.errorString());
        return QByteArray();
    }
    return file.readAll();
}

// The certificates of a PEM or DER file; empty, with error set, when there are none.
QList<QSslCertificate> certificates(const QString &path, const QString &option, QString *error)
{
    const QByteArray bytes = readSmall(path, option, error);
    if (!error->isEmpty())
        return {};
    QList<QSslCertificate> found = QSslCertificate::fromData(bytes, QSsl::Pem);
    if (found.isEmpty())
        found = QSslCertificate::fromData(bytes, QSsl::Der);
    if (found.isEmpty())
        *error = u"%1: \u201c%2\u201d holds no PEM or DER certificate."_s.arg(option, path);
    return found;
}

} // namespace

Loaded load(const RunCommand &command)
{
    Loaded loaded;
    const bool wanted = !command.sslExtraCaCerts.isEmpty() || !command.sslClientCert.isEmpty()
        || !command.sslClientKey.isEmpty();
    if (!wanted)
        return loaded;
#ifdef QT_NO_SSL
    loaded.error = u"this build of Postern has no TLS support."_s;
    return loaded;
#else
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    if (!command.sslExtraCaCerts.isEmpty()) {
        const QList<QSslCertificate> extra
            = certificates(command.sslExtraCaCerts, u"--ssl-extra-ca-certs"_s, &loaded.error);
        if (!loaded.ok())
            return loaded;
        configuration.addCaCertificates(extra);
    }
    if (command.sslClientCert.isEmpty() != command.sslClientKey.isEmpty()) {
        loaded.error = command.sslClientCert.isEmpty()
            ? u"--ssl-client-key needs --ssl-client-cert, the certificate that goes with it."_s
            : u"--ssl-client-cert needs --ssl-client-key, the private key of the certificate."_s;
        return loaded;
    }
    if (!command.sslClientCert.isEmpty()) {
        const QList<QSslCertificate> chain
            = certificates(command.sslClientCert, u"--ssl-client-cert"_s, &loaded.error);
        if (!loaded.ok())
            return loaded;
        const QByteArray keyBytes = readSmall(command.sslClientKey, u"--ssl-client-key"_s, &loaded.error);
        if (!loaded.ok())
            return loaded;
        const QByteArray passphrase = command.sslClientPassphrase.toUtf8();
        QSslKey key;
        for (const QSsl::EncodingFormat format : { QSsl::Pem, QSsl::Der }) {
            for (const QSsl::KeyAlgorithm algorithm : { QSsl::Rsa, QSsl::Ec, QSsl::Dsa }) {
                if (key.isNull())
                    key = QSslKey(keyBytes, algorithm, format, QSsl::PrivateKey, passphrase);
            }
        }
        if (key.isNull()) {
            loaded.error = command.sslClientPassphrase.isEmpty()
                ? u"--ssl-client-key: \u201c%1\u201d is not a private key Postern can read (encrypted keys "
                  u"need "
                  "--ssl-client-passphrase)."_s.arg(command.sslClientKey)
                : u"--ssl-client-key: \u201c%1\u201d cannot be read with the passphrase given, or is not a "
                  "private key."_s.arg(command.sslClientKey);
            return loaded;
        }
        configuration.setLocalCertificateChain(chain);
        configuration.setPrivateKey(key);
    }
    loaded.configuration = configuration;
    return loaded;
#endif
}

} // namespace Postern::CliTls
