#include "shared/oidcprovider.h"

#include "shared/canaries.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace PosternTest {

// ---------------------------------------------------------------------------------------------------
// OidcProvider

OidcProvider::Client OidcProvider::webClient()
{
    return { u"postern-web"_s, u"postern-web-secret"_s };
}

OidcProvider::Client OidcProvider::basicClient()
{
    return { u"postern-basic"_s, u"postern-basic-secret"_s };
}

OidcProvider::Client OidcProvider::publicClient()
{
    return { u"postern-public"_s, QString() };
}

OidcProvider::Client OidcProvider::serviceClient()
{
    return { u"postern-service"_s, u"postern-service-secret"_s };
}

OidcProvider::Client OidcProvider::deviceClient()
{
    return { u"postern-device"_s, QString() };
}

OidcProvider::Client OidcProvider::deviceBasicClient()
{
    return { u"postern-device-basic"_s, u"postern-device-basic-secret"_s };
}

OidcProvider::Client OidcProvider::trickyClient()
{
    return { u"postern-tricky"_s, u"a+b%2Fc&d=e f"_s };
}

QUrl OidcProvider::loopbackRedirect(quint16 port)
{
    QUrl url(u"http://127.0.0.1/callback"_s);
    url.setPort(port);
    return url;
}

QUrl OidcProvider::postmanRedirect()
{
    return QUrl(u"https://oauth.pstmn.io/v1/callback"_s);
}

QString OidcProvider::apiResource()
{
    return u"urn:postern:api"_s;
}

OidcProvider::OidcProvider(QObject *parent)
    : QObject(parent)
{
}

OidcProvider::~OidcProvider()
{
    stop();
}

void OidcProvider::setClients(const QJsonArray &clients)
{
    m_clients = clients;
    m_replaceClients = true;
}

void OidcProvider::setExtraClients(const QJsonArray &clients)
{
    m_extraClients = clients;
}

void OidcProvider::setVerbose(bool verbose)
{
    m_verbose = verbose;
}

void OidcProvider::setStartTimeout(int msecs)
{
    m_startTimeout = msecs;
}

QString OidcProvider::directory()
{
    return QStringLiteral(POSTERN_OIDC_DIR);
}

QString OidcProvider::installHint()
{
    return u"Install with `bash packaging/dev.sh test` (installs Node.js if missing and runs npm ci), or by "
           "hand: `apt-get install nodejs npm` when node is missing, then `npm ci --no-audit --no-fund` in "_s
        + directory() + u"."_s;
}

bool OidcProvider::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

qint64 OidcProvider::processId() const
{
    return m_process ? m_process->processId() : 0;
}

QUrl OidcProvider::endpoint(const QString &path) const
{
    QUrl url = m_issuer;
    url.setPath(url.path() + path);
    return url;
}

void OidcProvider::forwardStandardError()
{
    if (!m_process)
        return;
    const QByteArray data = m_process->readAllStandardError();
    if (data.isEmpty())
        return;
    std::fwrite(data.constData(), 1, size_t(data.size()), stderr);
    std::fflush(stderr);
    m_stderrTail += data;
    constexpr qsizetype keep = 4096;
    if (m_stderrTail.size() > keep)
        m_stderrTail = m_stderrTail.right(keep);
}

bool OidcProvider::start(QString *whyNot)
{
    const auto fail = [this, whyNot](const QString &why) {
        if (whyNot)
            *whyNot = why;
        stop();
        return false;
    };
    if (isRunning())
        return true;
    stop();
    // The registered clients' secrets, for the canary sweep after the whole suite (tests/canaries).
    for (const Client &client :
         { webClient(), basicClient(), serviceClient(), trickyClient(), deviceBasicClient() })
        Postern::Testing::recordCanary(client.secret);

    const QString dir = directory();
    const QString node = QStandardPaths::findExecutable(u"node"_s);
    if (node.isEmpty())
        return fail(u"the OpenID provider needs Node.js 18 or later, and `node` is not on PATH. "_s
                    + installHint());
    const QString script = dir + u"/server.mjs"_s;
    if (!QFileInfo::exists(script))
        return fail(u"missing "_s + script);
    if (!QFileInfo::exists(dir + u"/node_modules/oidc-provider/package.json"_s))
        return fail(u"the npm package oidc-provider is not installed in "_s + dir + u"/node_modules. "_s
                    + installHint());

    QStringList arguments { script, u"--port"_s, u"0"_s };
    const auto compact = [](const QJsonArray &array) {
        return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
    };
    if (m_replaceClients)
        arguments << u"--clients"_s << compact(m_clients);
    if (!m_extraClients.isEmpty())
        arguments << u"--extra-clients"_s << compact(m_extraClients);
    if (m_verbose || qEnvironmentVariableIsSet("POSTERN_OIDC_VERBOSE"))
        arguments << u"--verbose"_s;
    if (!m_tlsDirectory.isEmpty())
        arguments << u"--tls"_s << m_tlsDirectory;

    m_stderrTail.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(node);
    m_process->setArguments(arguments);
    m_process->setWorkingDirectory(dir);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    connect(m_process.get(), &QProcess::readyReadStandardError, this, &OidcProvider::forwardStandardError);

    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    connect(m_process.get(), &QProcess::readyReadStandardOutput, &loop, [this, &loop] {
        if (m_process->canReadLine())
            loop.quit();
    });
    connect(m_process.get(), &QProcess::finished, &loop, &QEventLoop::quit);
    connect(m_process.get(), &QProcess::errorOccurred, &loop, &QEventLoop::quit);

    // ReadWrite keeps the server's stdin open; it quits when this end closes.
    m_process->start(QIODevice::ReadWrite);
    timer.start(m_startTimeout);
    if (m_process->state() != QProcess::NotRunning && !m_process->canReadLine())
        loop.exec();
    forwardStandardError();

    if (!m_process->canReadLine()) {
        if (m_process->error() == QProcess::FailedToStart)
            return fail(u"cannot run "_s + node + u": "_s + m_process->errorString());
        if (m_process->state() == QProcess::NotRunning) {
            return fail(u"the OpenID provider (node "_s + script + u") exited with code "_s
                        + QString::number(m_process->exitCode()) + u" before it was ready: "_s
                        + QString::fromUtf8(m_stderrTail).trimmed());
        }
        return fail(u"the OpenID provider printed no ready line within "_s + QString::number(m_startTimeout)
                    + u" ms"_s);
    }

    const QByteArray line = m_process->readLine().trimmed();
    const QJsonObject ready = QJsonDocument::fromJson(line).object();
    const QUrl issuer(ready.value(u"issuer"_s).toString());
    const QString scheme = m_tlsDirectory.isEmpty() ? u"http"_s : u"https"_s;
    if (!issuer.isValid() || issuer.scheme() != scheme || issuer.host() != u"127.0.0.1"_s
        || issuer.port() <= 0) {
        return fail(u"the OpenID provider's first line is not the expected JSON: "_s
                    + QString::fromUtf8(line.left(200)));
    }
    m_issuer = issuer;
    return true;
}

void OidcProvider::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->closeWriteChannel();
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    forwardStandardError();
    m_process->disconnect(this);
    m_process.reset();
    m_issuer.clear();
}

// ---------------------------------------------------------------------------------------------------
// OidcHttp

QByteArray OidcHttp::Response::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonObject OidcHttp::Response::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString OidcHttp::Response::jsonString(const QString &key) const
{
    return json().value(key).toString();
}

QList<QPair<QString, QString>> OidcHttp::Response::locationQuery() const
{
    return formDecode(location.query(QUrl::FullyEncoded).toUtf8());
}

QString OidcHttp::Response::locationQueryValue(const QString &key) const
{
    for (const auto &[name, value] : locationQuery()) {
        if (name == key)
            return value;
    }
    return {};
}

OidcHttp::OidcHttp()
    : m_network(std::make_unique<QNetworkAccessManager>())
{
    m_network->setCookieJar(new QNetworkCookieJar(m_network.get()));
    m_network->setProxy(QNetworkProxy::NoProxy);
}

OidcHttp::~OidcHttp() = default;

OidcHttp::Response OidcHttp::get(const QUrl &url, const Headers &headers)
{
    return send("GET"_ba, url, {}, headers);
}

OidcHttp::Response OidcHttp::postForm(const QUrl &url, const Fields &fields, const Headers &headers)
{
    Headers all = headers;
    all.append({ "Content-Type"_ba, "application/x-www-form-urlencoded"_ba });
    return send("POST"_ba, url, formEncode(fields), all);
}

OidcHttp::Response OidcHttp::send(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                                  const Headers &headers)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);

    std::unique_ptr<QNetworkReply> reply(m_network->sendCustomRequest(request, verb, body));
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(m_timeout);
    if (!reply->isFinished())
        loop.exec();

    Response response;
    if (!reply->isFinished()) {
        reply->abort();
        response.error = u"no answer within "_s + QString::number(m_timeout) + u" ms from "_s
            + url.toString(QUrl::RemoveQuery);
        return response;
    }
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    response.headers = reply->rawHeaderPairs();
    const QByteArray location = response.header("Location");
    if (!location.isEmpty())
        response.location = url.resolved(QUrl::fromEncoded(location));
    if (response.status == 0)
        response.error = reply->errorString();
    return response;
}

static QByteArray formComponent(const QString &value)
{
    return QUrl::toPercentEncoding(value).replace("%20"_ba, "+"_ba);
}

QByteArray OidcHttp::formEncode(const Fields &fields)
{
    QByteArray out;
    for (const auto &[name, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += formComponent(name) + '=' + formComponent(value);
    }
    return out;
}

QList<QPair<QString, QString>> OidcHttp::formDecode(QByteArrayView encoded)
{
    const auto decode = [](QByteArrayView part) {
        QByteArray bytes = part.toByteArray();
        bytes.replace('+', ' ');
        return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
    };
    QList<QPair<QString, QString>> fields;
    for (const QByteArrayView pair : QByteArray(encoded.toByteArray()).split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        if (equals < 0)
            fields.append({ decode(pair), QString() });
        else
            fields.append({ decode(pair.first(equals)), decode(pair.sliced(equals + 1)) });
    }
    return fields;
}

QByteArray OidcHttp::basicAuthorization(const QString &clientId, const QString &clientSecret)
{
    const QByteArray pair = formComponent(clientId) + ':' + formComponent(clientSecret);
    return "Basic "_ba + pair.toBase64();
}

// ---------------------------------------------------------------------------------------------------
// OidcPkce

OidcPkce OidcPkce::s256()
{
    OidcPkce pkce = plain();
    pkce.challenge = QCryptographicHash::hash(pkce.verifier, QCryptographicHash::Sha256)
                         .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    pkce.method = "S256"_ba;
    return pkce;
}

OidcPkce OidcPkce::plain()
{
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(random.begin(), random.end());
    OidcPkce pkce;
    // 43 characters from the unreserved set, as RFC 7636 §4.1 asks.
    pkce.verifier = random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    pkce.challenge = pkce.verifier;
    pkce.method = "plain"_ba;
    return pkce;
}

// ---------------------------------------------------------------------------------------------------
// OidcInteraction

namespace {

QString htmlDecode(QString text)
{
    static const QRegularExpression entity(u"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);"_s);
    QString out;
    qsizetype last = 0;
    auto it = entity.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(text).sliced(last, match.capturedStart() - last);
        const QString name = match.captured(1);
        if (name == u"amp")
            out += u'&';
        else if (name == u"lt")
            out += u'<';
        else if (name == u"gt")
            out += u'>';
        else if (name == u"quot")
            out += u'"';
        else if (name == u"apos")
            out += u'\'';
        else {
            const bool hex = name.startsWith(u"#x");
            const uint code = QStringView(name).sliced(hex ? 2 : 1).toUInt(nullptr, hex ? 16 : 10);
            const char32_t character = code;
            out += QString::fromUcs4(&character, 1);
        }
        last = match.capturedEnd();
    }
    out += QStringView(text).sliced(last);
    return out;
}

QString attribute(const QString &tag, const QString &name)
{
    const QRegularExpression pattern(u"\\b"_s + QRegularExpression::escape(name)
                                         + uR"re(\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))re"_s,
                                     QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(tag);
    if (!match.hasMatch())
        return {};
    for (int group = 1; group <= 3; ++group) {
        if (match.capturedStart(group) >= 0)
            return htmlDecode(match.captured(group));
    }
    return {};
}

struct Form
{
    QUrl action;
    QString method;
    OidcHttp::Fields fields;
    QString prompt; // the hidden "prompt" field: "login" or "consent"
    bool hasLogin = false;
    bool hasPassword = false;
};

QList<Form> parseForms(const QString &html, const QUrl &page)
{
    static const QRegularExpression formPattern(uR"(<form\b([^>]*)>(.*?)</form>)"_s,
                                                QRegularExpression::CaseInsensitiveOption
                                                    | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression inputPattern(uR"(<input\b([^>]*)>)"_s,
                                                 QRegularExpression::CaseInsensitiveOption);
    QList<Form> forms;
    auto formMatches = formPattern.globalMatch(html);
    while (formMatches.hasNext()) {
        const QRegularExpressionMatch formMatch = formMatches.next();
        Form form;
        const QString tag = formMatch.captured(1);
        form.action = page.resolved(QUrl(attribute(tag, u"action"_s)));
        form.method = attribute(tag, u"method"_s).toUpper();
        if (form.method.isEmpty())
            form.method = u"GET"_s;
        auto inputs = inputPattern.globalMatch(formMatch.captured(2));
        while (inputs.hasNext()) {
            const QString input = inputs.next().captured(1);
            const QString name = attribute(input, u"name"_s);
            if (name.isEmpty())
                continue;
            const QString value = attribute(input, u"value"_s);
            form.fields.append({ name, value });
            if (name == u"prompt")
                form.prompt = value;
            form.hasLogin = form.hasLogin || name == u"login";
            form.hasPassword = form.hasPassword || name == u"password";
        }
        forms.append(form);
    }
    return forms;
}

QUrl cancelLink(const QString &html, const QUrl &page)
{
    static const QRegularExpression linkPattern(uR"(<a\b([^>]*)>)"_s,
                                                QRegularExpression::CaseInsensitiveOption);
    auto links = linkPattern.globalMatch(html);
    while (links.hasNext()) {
        const QUrl href = page.resolved(QUrl(attribute(links.next().captured(1), u"href"_s)));
        if (href.path().endsWith(u"/abort"_s))
            return href;
    }
    return {};
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host() == b.host()
        && a.port(a.scheme() == u"https"_s ? 443 : 80) == b.port(b.scheme() == u"https"_s ? 443 : 80);
}

QString plainText(const QByteArray &html)
{
    static const QRegularExpression tags(u"<(script|style)\\b.*?</\\1>|<[^>]*>"_s,
                                         QRegularExpression::CaseInsensitiveOption
                                             | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression spaces(u"\\s+"_s);
    return htmlDecode(QString::fromUtf8(html).replace(tags, u" "_s).replace(spaces, u" "_s).trimmed())
        .left(300);
}

// One request of an interaction, noted in trace ("POST /interaction/x/login -> 303").
OidcHttp::Response exchange(OidcHttp &http, const QByteArray &verb, const QUrl &url,
                            const OidcHttp::Fields &fields, QStringList *trace)
{
    const OidcHttp::Response response = verb == "GET"_ba ? http.get(url) : http.postForm(url, fields);
    trace->append(QString::fromLatin1(verb) + u' ' + url.path() + u" -> "_s
                  + QString::number(response.status));
    return response;
}

QString unexpectedStatus(const OidcHttp::Response &response, const QUrl &url)
{
    return u"HTTP "_s + QString::number(response.status) + u" from "_s + url.path() + u": "_s
        + plainText(response.body);
}

// The provider's login or consent form among forms (the one with a hidden "prompt"), or nullptr.
const Form *promptForm(const QList<Form> &forms)
{
    const auto form = std::find_if(forms.cbegin(), forms.cend(), [](const Form &candidate) {
        return candidate.method == u"POST"_s && !candidate.prompt.isEmpty();
    });
    return form == forms.cend() ? nullptr : &*form;
}

// form's fields with the login and password of options filled in.
OidcHttp::Fields filledIn(const Form &form, const OidcInteraction::Options &options)
{
    OidcHttp::Fields fields = form.fields;
    for (auto &[name, value] : fields) {
        if (name == u"login")
            value = options.login;
        else if (name == u"password")
            value = options.password;
    }
    return fields;
}

} // namespace

QString OidcInteraction::Result::value(const QString &key) const
{
    for (const QString &part :
         { redirect.query(QUrl::FullyEncoded), redirect.fragment(QUrl::FullyEncoded) }) {
        for (const auto &[name, field] : OidcHttp::formDecode(part.toUtf8())) {
            if (name == key)
                return field;
        }
    }
    return {};
}

OidcInteraction::Result OidcInteraction::authorize(OidcHttp &http, const QUrl &authorizationUrl)
{
    return authorize(http, authorizationUrl, Options());
}

OidcInteraction::Result OidcInteraction::authorize(OidcHttp &http, const QUrl &authorizationUrl,
                                                   const Options &options)
{
    Result result;
    QByteArray verb = "GET"_ba;
    QUrl url = authorizationUrl;
    OidcHttp::Fields fields;

    for (int step = 0; step < options.maxSteps; ++step) {
        const OidcHttp::Response response = exchange(http, verb, url, fields, &result.trace);
        if (!response.error.isEmpty()) {
            result.error = response.error;
            return result;
        }

        if (response.status >= 300 && response.status < 400) {
            if (!response.location.isValid()) {
                result.error = u"redirect without a Location from "_s + url.path();
                return result;
            }
            if (!sameOrigin(response.location, authorizationUrl)) {
                result.redirect = response.location;
                return result;
            }
            verb = "GET"_ba;
            url = response.location;
            fields.clear();
            continue;
        }

        if (response.status != 200) {
            result.error = unexpectedStatus(response, url);
            return result;
        }

        const QString html = QString::fromUtf8(response.body);
        const QList<Form> forms = parseForms(html, url);
        const Form *form = promptForm(forms);
        if (!form) {
            result.error
                = u"no login or consent form on "_s + url.path() + u": "_s + plainText(response.body);
            return result;
        }
        result.pages.append(form->prompt);

        if (options.decision == Decision::Deny) {
            const QUrl cancel = cancelLink(html, url);
            if (!cancel.isValid()) {
                result.error = u"no Cancel link on the "_s + form->prompt + u" page"_s;
                return result;
            }
            verb = "GET"_ba;
            url = cancel;
            fields.clear();
            continue;
        }

        fields = filledIn(*form, options);
        verb = "POST"_ba;
        url = form->action;
    }
    result.error = u"no redirect to the client after "_s + QString::number(options.maxSteps)
        + u" requests: "_s + result.trace.join(u", "_s);
    return result;
}

OidcInteraction::Result OidcInteraction::confirmDevice(OidcHttp &http, const QUrl &verificationPage,
                                                       const Options &options)
{
    Result result;
    QByteArray verb = "GET"_ba;
    QUrl url = verificationPage;
    OidcHttp::Fields fields;
    bool confirmed = false;
    bool aborted = false;
    for (int step = 0; step < options.maxSteps; ++step) {
        const OidcHttp::Response response = exchange(http, verb, url, fields, &result.trace);
        if (!response.error.isEmpty()) {
            result.error = response.error;
            return result;
        }
        if (response.status >= 300 && response.status < 400 && response.location.isValid()) {
            verb = "GET"_ba;
            url = response.location;
            fields.clear();
            continue;
        }
        const QString html = QString::fromUtf8(response.body);
        const QList<Form> forms = parseForms(html, url);
        if (!confirmed) {
            // The code's page (the provider posts the code from the URL itself), then its
            // confirmation page: Continue, or Abort to deny.
            const auto form = std::find_if(forms.cbegin(), forms.cend(), [](const Form &candidate) {
                return candidate.method == u"POST"_s
                    && std::any_of(candidate.fields.cbegin(), candidate.fields.cend(),
                                   [](const auto &field) { return field.first == u"user_code"_s; });
            });
            if (response.status != 200 || form == forms.cend()) {
                result.error = u"no code form on "_s + url.path() + u": "_s + plainText(response.body);
                return result;
            }
            fields = form->fields;
            const bool confirmation = std::any_of(fields.cbegin(), fields.cend(), [](const auto &field) {
                return field.first == u"confirm"_s;
            });
            if (confirmation) {
                result.pages.append(u"device"_s);
                confirmed = true;
                if (options.decision == Decision::Deny) {
                    fields.removeIf([](const auto &field) { return field.first == u"confirm"_s; });
                    fields.append({ u"abort"_s, u"yes"_s });
                    aborted = true;
                }
            }
            verb = "POST"_ba;
            url = form->action;
            continue;
        }
        if (aborted) {
            // The provider's answer to Abort, whatever its status: the device finds out by polling.
            result.redirect = url;
            return result;
        }
        const Form *form = promptForm(forms);
        if (!form) {
            // The provider's last page: signed in; the device finds out by polling.
            if (response.status != 200) {
                result.error = unexpectedStatus(response, url);
                return result;
            }
            result.redirect = url;
            return result;
        }
        result.pages.append(form->prompt);
        fields = filledIn(*form, options);
        verb = "POST"_ba;
        url = form->action;
    }
    result.error = u"no end page after "_s + QString::number(options.maxSteps) + u" requests: "_s
        + result.trace.join(u", "_s);
    return result;
}

QJsonObject OidcInteraction::signIn(const OidcProvider &provider, const OidcProvider::Client &client,
                                    bool basic, QString *why)
{
    const auto random = [] {
        QByteArray bytes(16, Qt::Uninitialized);
        QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
        return QString::fromLatin1(
            bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    };
    OidcHttp http;
    const QUrl redirect = OidcProvider::loopbackRedirect(53682);
    const OidcHttp::Fields query { { u"response_type"_s, u"code"_s },
                                   { u"client_id"_s, client.id },
                                   { u"redirect_uri"_s, redirect.toString() },
                                   { u"scope"_s, u"openid offline_access"_s },
                                   { u"state"_s, random() },
                                   { u"nonce"_s, random() },
                                   { u"prompt"_s, u"consent"_s } };
    QUrl authorize = provider.endpoint(u"/auth"_s);
    authorize.setQuery(QString::fromLatin1(OidcHttp::formEncode(query)), QUrl::StrictMode);
    const Result interaction = OidcInteraction::authorize(http, authorize);
    const QString code = interaction.value(u"code"_s);
    if (!interaction.ok() || code.isEmpty()) {
        *why = interaction.error + u" / "_s + interaction.trace.join(u", "_s);
        return {};
    }
    OidcHttp::Fields exchange { { u"grant_type"_s, u"authorization_code"_s },
                                { u"code"_s, code },
                                { u"redirect_uri"_s, redirect.toString() } };
    OidcHttp::Headers headers;
    if (basic) {
        headers.append({ "Authorization", OidcHttp::basicAuthorization(client.id, client.secret) });
    } else {
        exchange.append({ u"client_id"_s, client.id });
        exchange.append({ u"client_secret"_s, client.secret });
    }
    const OidcHttp::Response answer = http.postForm(provider.endpoint(u"/token"_s), exchange, headers);
    if (answer.status != 200) {
        *why = u"HTTP %1 %2 %3"_s.arg(answer.status)
                   .arg(answer.error, QString::fromUtf8(answer.body.left(400)));
        return {};
    }
    return answer.json();
}

} // namespace PosternTest
