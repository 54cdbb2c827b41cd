#include "ui/request/requesteditor.h"

#include "curl/curlcommand.h"
#include "http/clientcertificates.h"
#include "http/queryparams.h"
#include "ui/oauth/oauth2pane.h"
#include "ui/request/assertionseditor.h"
#include "ui/request/autheditor.h"
#include "ui/request/bodyeditor.h"
#include "ui/request/scriptseditor.h"
#include "ui/widgets/clearbutton.h"
#include "ui/widgets/deferredpage.h"
#include "ui/widgets/formrow.h"
#include "ui/widgets/keyvalueeditor.h"
#include "ui/widgets/palette.h"
#include "ui/widgets/variablehint.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {
constexpr int MaxTimeoutMs = 3600000; // an hour
} // namespace

RequestEditor::RequestEditor(const OAuthServices &services, QWidget *parent)
    : QWidget(parent)
    , m_network(services.network)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *line = new QHBoxLayout;
    m_method = new QComboBox(this);
    m_method->setObjectName(u"methodCombo"_s);
    m_method->setEditable(true);
    m_method->setInsertPolicy(QComboBox::NoInsert);
    m_method->addItems({ u"GET"_s, u"POST"_s, u"PUT"_s, u"PATCH"_s, u"DELETE"_s, u"HEAD"_s, u"OPTIONS"_s });
    m_method->setAccessibleName(tr("HTTP method"));
    m_method->lineEdit()->setAccessibleName(tr("HTTP method"));
    m_method->setMinimumContentsLength(7);
    m_url = new QLineEdit(this);
    m_url->setObjectName(u"urlEdit"_s);
    m_url->setAccessibleName(tr("Request URL"));
    m_url->setPlaceholderText(
        tr("Enter a URL, e.g. https://INSTANCE.service-now.com/api/now/table/incident"));
    addClearButtonAfterFirstFrame(m_url, tr("Clear URL"));
    m_send = new QPushButton(tr("Send"), this);
    m_send->setObjectName(u"sendButton"_s);
    m_send->setAccessibleName(tr("Send"));
    m_send->setToolTip(tr("Send the request (Ctrl+Enter)"));
    m_send->setDefault(true);
    line->addWidget(m_method);
    line->addWidget(m_url, 1);
    line->addWidget(m_send);
    layout->addLayout(line);
    m_unresolved = new QLabel(this);
    m_unresolved->setObjectName(u"unresolvedVariables"_s);
    m_unresolved->setAccessibleName(tr("Undefined variables"));
    m_unresolved->setAccessibleDescription(tr("Undefined variables"));
    m_unresolved->setTextFormat(Qt::PlainText);
    m_unresolved->setWordWrap(true);
    m_unresolved->hide(); // its style sheet is given when it is first shown (see refreshVariableHints())
    layout->addWidget(m_unresolved);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"requestTabs"_s);
    m_tabs->setAccessibleName(tr("Request"));
    m_params = new KeyValueEditor(tr("Query parameters"), this);
    m_params->setObjectName(u"paramsTable"_s);
    m_auth = new AuthEditor(services, this);
    m_auth->setObjectName(u"authEditor"_s);
    m_headerRows = new KeyValueModel(this);
    m_tabs->addTab(m_params, tr("&Params"));
    m_tabs->addTab(m_auth, tr("&Authorization"));
    m_headersPage = new DeferredPage([this](QWidget *page) { return makeHeadersPage(page); }, this);
    m_tabs->addTab(m_headersPage, tr("H&eaders")); // Alt+H is the Help menu
    m_bodyPage = new DeferredPage([this](QWidget *page) { return makeBodyPage(page); }, this);
    m_tabs->addTab(m_bodyPage, tr("&Body"));
    m_scriptsPage = new DeferredPage([this](QWidget *page) { return makeScriptsPage(page); }, this);
    m_tabs->addTab(m_scriptsPage, tr("Scr&ipts"));
    m_assertionsPage = new DeferredPage([this](QWidget *page) { return makeAssertionsPage(page); }, this);
    m_tabs->addTab(m_assertionsPage, tr("Assertions"));
    m_settingsPage = new DeferredPage([this](QWidget *page) { return makeSettingsPage(page); }, this);
    m_tabs->addTab(m_settingsPage, tr("Se&ttings"));
    layout->addWidget(m_tabs, 1);

    connect(m_url, &QLineEdit::textEdited, this, &RequestEditor::onUrlEdited);
    connect(m_url, &QLineEdit::returnPressed, this, &RequestEditor::onSendClicked);
    connect(m_params->keyValueModel(), &KeyValueModel::rowsEdited, this, &RequestEditor::onParamsEdited);
    connect(m_method, &QComboBox::currentTextChanged, this, &RequestEditor::onMethodChanged);
    connect(m_send, &QPushButton::clicked, this, &RequestEditor::onSendClicked);

    connect(m_method, &QComboBox::currentTextChanged, this, &RequestEditor::onEdited);
    connect(m_url, &QLineEdit::textChanged, this, &RequestEditor::onEdited);
    connect(m_url, &QLineEdit::textChanged, this, &RequestEditor::showCertificate);
    connect(m_tabs, &QTabWidget::currentChanged, this, &RequestEditor::showCertificate);
    connect(m_params->keyValueModel(), &KeyValueModel::rowsEdited, this, &RequestEditor::onEdited);
    connect(m_headerRows, &KeyValueModel::rowsEdited, this, &RequestEditor::onEdited);
    connect(m_auth, &AuthEditor::changed, this, &RequestEditor::onEdited);
    onMethodChanged();
}

QWidget *RequestEditor::makeBodyPage(QWidget *page)
{
    m_body = new BodyEditor(page);
    m_body->setObjectName(u"bodyEditor"_s);
    m_body->setRequestBody(m_parked);
    const QString method = m_method->currentText().trimmed();
    m_body->setMethodCarriesBody(HttpRequest::methodCarriesBody(method), method.toUpper());
    if (m_workingDirectory)
        m_body->setWorkingDirectorySource(m_workingDirectory);
    connect(m_body, &BodyEditor::changed, this, &RequestEditor::onEdited);
    return m_body;
}

QWidget *RequestEditor::makeScriptsPage(QWidget *page)
{
    m_scripts = new ScriptsEditor(page);
    m_scripts->setScripts(m_parked.scripts);
    connect(m_scripts, &ScriptsEditor::changed, this, &RequestEditor::onEdited);
    return m_scripts;
}

QWidget *RequestEditor::makeAssertionsPage(QWidget *page)
{
    m_assertions = new AssertionsEditor(page);
    m_assertions->setChecks(m_parked.assertions, m_parked.captures);
    connect(m_assertions, &AssertionsEditor::changed, this, &RequestEditor::onEdited);
    return m_assertions;
}

BodyEditor *RequestEditor::bodyEditor()
{
    m_bodyPage->content();
    return m_body;
}

ScriptsEditor *RequestEditor::scriptsEditor()
{
    m_scriptsPage->content();
    return m_scripts;
}

AssertionsEditor *RequestEditor::assertionsEditor()
{
    m_assertionsPage->content();
    return m_assertions;
}

KeyValueEditor *RequestEditor::headersEditor()
{
    m_headersPage->content();
    return m_headers;
}

QWidget *RequestEditor::settingsPage()
{
    return m_settingsPage->content();
}

void RequestEditor::setWorkingDirectorySource(std::function<QString()> source)
{
    m_workingDirectory = std::move(source);
    if (m_body)
        m_body->setWorkingDirectorySource(m_workingDirectory);
}

QWidget *RequestEditor::makeHeadersPage(QWidget *page)
{
    auto *content = new QWidget(page);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    m_headers = new KeyValueEditor(tr("Request headers"), m_headerRows, content);
    m_headers->setObjectName(u"headersTable"_s);
    layout->addWidget(m_headers, 1);
    // The automatic Authorization row reads "Basic ****" until asked, as Copy as cURL writes it.
    m_showAuthorization = new QCheckBox(tr("Sho&w authorization value"), content);
    m_showAuthorization->setObjectName(u"showAuthorizationValue"_s);
    m_showAuthorization->setToolTip(tr("Show the credential of the automatic Authorization header"));
    m_showAuthorization->setChecked(m_headerRows->secretsShown());
    m_showAuthorization->setVisible(m_headerRows->hasSecretRow());
    layout->addWidget(m_showAuthorization);
    KeyValueModel *model = m_headerRows;
    connect(m_showAuthorization, &QCheckBox::toggled, model, &KeyValueModel::setSecretsShown);
    connect(model, &KeyValueModel::secretsShownChanged, m_showAuthorization, &QCheckBox::setChecked);
    connect(model, &QAbstractItemModel::modelReset, m_showAuthorization,
            [this, model] { m_showAuthorization->setVisible(model->hasSecretRow()); });
    return content;
}

QWidget *RequestEditor::makeSettingsPage(QWidget *page)
{
    auto *content = new QWidget(page);
    auto *form = new QFormLayout(content);
    m_timeout = new QSpinBox(content);
    m_timeout->setObjectName(u"timeoutSpin"_s);
    m_timeout->setRange(0, MaxTimeoutMs);
    m_timeout->setSingleStep(1000);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setSpecialValueText(tr("No timeout"));
    m_timeout->setValue(m_parked.timeoutMs);
    // The unit is in the value ("30000 ms"); the spin box's line edit is named too, as it has the focus.
    addLabelledRow(form, tr("&Timeout:"), m_timeout);
    if (auto *edit = m_timeout->findChild<QLineEdit *>())
        edit->setAccessibleName(m_timeout->accessibleName());
    m_verifyTls = new QCheckBox(tr("&Verify TLS certificates"), content);
    m_verifyTls->setObjectName(u"verifyTls"_s);
    m_verifyTls->setAccessibleName(tr("Verify TLS certificates"));
    m_verifyTls->setChecked(m_parked.verifyTls);
    m_verifyTls->setToolTip(tr("Turn off only for a server you trust that uses a self-signed certificate."));
    form->addRow(QString(), m_verifyTls);
    m_followRedirects = new QCheckBox(tr("&Follow redirects"), content);
    m_followRedirects->setObjectName(u"followRedirects"_s);
    m_followRedirects->setAccessibleName(tr("Follow redirects"));
    m_followRedirects->setChecked(m_parked.followRedirects);
    form->addRow(QString(), m_followRedirects);
    m_certificate = new QLabel(content);
    m_certificate->setObjectName(u"clientCertificate"_s);
    m_certificate->setTextFormat(Qt::PlainText);
    m_certificate->setWordWrap(true);
    m_certificate->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_certificate->setFocusPolicy(Qt::TabFocus);
    addLabelledRow(form, tr("Client certificate:"), m_certificate, tr("Client certificate"));
    showCertificate();
    connect(m_timeout, &QSpinBox::valueChanged, this, &RequestEditor::onEdited);
    connect(m_verifyTls, &QCheckBox::toggled, this, &RequestEditor::onEdited);
    connect(m_followRedirects, &QCheckBox::toggled, this, &RequestEditor::onEdited);
    return content;
}

void RequestEditor::showCertificate()
{
    // Settings → Client Certificates decides; this says what that means for this request's host.
    if (!m_certificate)
        return;
    const auto *network = qobject_cast<const CertificateNetworkManager *>(m_network);
    const QUrl url(m_url->text().trimmed());
    const ClientCertificate *entry = network ? network->clientCertificates().forUrl(url) : nullptr;
    m_certificate->setText(
        entry ? tr("%1 (set for %2 in Settings → Client Certificates)").arg(entry->fileName(), entry->host)
            : url.scheme() == u"https"_s
            ? tr("None for %1 (Settings → Client Certificates adds one)").arg(url.host())
            : tr("None: only https requests present one"));
}

HttpRequest RequestEditor::request() const
{
    HttpRequest request;
    request.method = m_method->currentText().trimmed().toUpper();
    request.url = m_url->text().trimmed();
    request.headers = m_headerRows->rows();
    // A page not yet made gives back what it was given, as its editor would.
    if (m_body)
        m_body->applyTo(&request);
    else
        BodyEditor::copyBodyFields(m_parked, &request);
    request.scripts = m_scripts ? m_scripts->scripts() : ScriptsEditor::normalized(m_parked.scripts);
    request.assertions = m_assertions ? m_assertions->assertions() : m_parked.assertions;
    request.captures = m_assertions ? m_assertions->captures() : m_parked.captures;
    request.auth = m_auth->config();
    request.timeoutMs = m_timeout ? m_timeout->value() : std::clamp(m_parked.timeoutMs, 0, MaxTimeoutMs);
    request.verifyTls = m_verifyTls ? m_verifyTls->isChecked() : m_parked.verifyTls;
    request.followRedirects = m_followRedirects ? m_followRedirects->isChecked() : m_parked.followRedirects;
    return request;
}

void RequestEditor::setRequest(const HttpRequest &request)
{
    m_loading = true;
    m_syncing = true;
    m_method->setCurrentText(request.method);
    m_url->setText(request.url);
    m_parked = request;
    if (m_scripts)
        m_scripts->setScripts(request.scripts);
    if (m_assertions)
        m_assertions->setChecks(request.assertions, request.captures);
    m_params->keyValueModel()->setRows(QueryParams::parse(request.url));
    m_headerRows->setRows(request.headers);
    if (m_body)
        m_body->setRequestBody(request);
    m_auth->setConfig(request.auth);
    m_auth->setRequestUrl(request.url);
    if (m_timeout) {
        m_timeout->setValue(request.timeoutMs);
        m_verifyTls->setChecked(request.verifyTls);
        m_followRedirects->setChecked(request.followRedirects);
    }
    m_syncing = false;
    const HttpRequest loaded = this->request();
    refreshAutomaticHeaders(loaded);
    refreshVariableHints(loaded);
    m_loading = false;
}

void RequestEditor::onEdited()
{
    if (m_loading)
        return;
    // One request built per edit, for both: a large body is not serialised twice a keystroke.
    const HttpRequest edited = request();
    refreshAutomaticHeaders(edited);
    refreshVariableHints(edited);
    Q_EMIT changed();
}

void RequestEditor::setVariableContext(const VariableResolver &resolver, const QString &environmentId)
{
    m_resolver = resolver;
    m_auth->oauth2Pane()->setVariableContext(resolver, environmentId);
    m_params->keyValueModel()->setVariableResolver(resolver);
    m_headerRows->setVariableResolver(resolver);
    refreshVariableHints(request());
}

void RequestEditor::setInheritedAuth(bool available, const QString &description)
{
    m_auth->setInheritAvailable(available);
    m_auth->setInheritedDescription(description);
}

void RequestEditor::refreshVariableHints(const HttpRequest &current)
{
    const QString url = m_url->text();
    m_url->setToolTip(VariableHint::tooltip(m_resolver, url));
    const QStringList missing = m_resolver.unresolved(current);
    m_url->setStyleSheet(VariableHint::hasUnresolved(m_resolver, url)
                             ? Theme::textStyleSheet(u"QLineEdit"_s, ColorRole::ErrorText)
                             : QString());
    if (missing.isEmpty()) {
        m_unresolved->hide();
        return;
    }
    QStringList names;
    for (const QString &name : missing)
        names.append(u"{{"_s + name + u"}}"_s);
    m_unresolved->setText(tr("Not defined in the current environment, the collection or the globals: %1")
                              .arg(names.join(u", "_s)));
    m_unresolved->setAccessibleName(m_unresolved->text());
    if (m_unresolved->styleSheet().isEmpty())
        m_unresolved->setStyleSheet(Theme::textStyleSheet(u"QLabel"_s, ColorRole::ErrorText));
    m_unresolved->show();
}

void RequestEditor::setBusy(bool busy)
{
    m_busy = busy;
    m_send->setText(busy ? tr("Cancel") : tr("Send"));
    m_send->setAccessibleName(busy ? tr("Cancel") : tr("Send"));
    m_send->setToolTip(busy ? tr("Cancel the request (Esc)") : tr("Send the request (Ctrl+Enter)"));
}

void RequestEditor::focusUrl()
{
    m_url->setFocus(Qt::ShortcutFocusReason);
    m_url->selectAll();
}

void RequestEditor::onSendClicked()
{
    if (m_busy)
        Q_EMIT cancelRequested();
    else
        Q_EMIT sendRequested();
}

void RequestEditor::onUrlEdited(const QString &text)
{
    if (m_syncing)
        return;
    // Pasting a curl command into the URL imports it, as Postman users expect.
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(u"curl "_s) || trimmed.startsWith(u"curl\t"_s)) {
        const CurlImport imported = CurlCommand::parse(trimmed);
        if (!imported.ok()) {
            Q_EMIT curlRefused(imported.error);
            return;
        }
        setRequest(imported.request);
        Q_EMIT curlImported(imported.notes);
        return;
    }
    m_syncing = true;
    KeyValueModel *model = m_params->keyValueModel();
    model->setRows(QueryParams::merge(model->rows(), text));
    m_auth->setRequestUrl(text);
    m_syncing = false;
}

void RequestEditor::onParamsEdited()
{
    if (m_syncing)
        return;
    m_syncing = true;
    const int cursor = m_url->cursorPosition();
    m_url->setText(QueryParams::compose(m_url->text(), m_params->keyValueModel()->rows()));
    m_url->setCursorPosition(qMin(cursor, int(m_url->text().size())));
    m_syncing = false;
}

void RequestEditor::onMethodChanged()
{
    const bool carries = HttpRequest::methodCarriesBody(m_method->currentText().trimmed());
    if (m_body)
        m_body->setMethodCarriesBody(carries, m_method->currentText().trimmed().toUpper());
    refreshAutomaticHeaders();
}

void RequestEditor::refreshAutomaticHeaders()
{
    if (!m_syncing)
        refreshAutomaticHeaders(request());
}

void RequestEditor::refreshAutomaticHeaders(const HttpRequest &current)
{
    if (m_syncing)
        return;
    KeyValueList rows = current.generatedHeaders();
    for (KeyValue &row : rows) {
        row.description = row.key.compare(u"Authorization"_s, Qt::CaseInsensitive) == 0
            ? tr("the Authorization tab")
            : tr("the Body tab");
    }
    m_headerRows->setAutomaticRows(rows);
}

} // namespace Postern
