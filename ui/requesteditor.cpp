#include "requesteditor.h"

#include "autheditor.h"
#include "keyvalueeditor.h"
#include "curlcommand.h"
#include "queryparams.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

struct BodyType
{
    const char16_t *label;
    const char16_t *contentType;
};

constexpr BodyType bodyTypes[] = {
    {u"None", u""},
    {u"JSON", u"application/json"},
    {u"Text", u"text/plain"},
    {u"XML", u"application/xml"},
    {u"Form URL-encoded", u"application/x-www-form-urlencoded"},
};

} // namespace

RequestEditor::RequestEditor(const OAuthServices &services, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *line = new QHBoxLayout;
    m_method = new QComboBox(this);
    m_method->setObjectName(u"methodCombo"_s);
    m_method->setEditable(true);
    m_method->setInsertPolicy(QComboBox::NoInsert);
    m_method->addItems({u"GET"_s, u"POST"_s, u"PUT"_s, u"PATCH"_s, u"DELETE"_s, u"HEAD"_s, u"OPTIONS"_s});
    m_method->setAccessibleName(u"HTTP method"_s);
    m_method->lineEdit()->setAccessibleName(u"HTTP method"_s);
    m_method->setMinimumContentsLength(7);
    m_url = new QLineEdit(this);
    m_url->setObjectName(u"urlEdit"_s);
    m_url->setAccessibleName(u"Request URL"_s);
    m_url->setPlaceholderText(u"Enter a URL, e.g. https://INSTANCE.service-now.com/api/now/table/incident"_s);
    m_url->setClearButtonEnabled(true);
    m_send = new QPushButton(u"Send"_s, this);
    m_send->setObjectName(u"sendButton"_s);
    m_send->setAccessibleName(u"Send"_s);
    m_send->setToolTip(u"Send the request (Ctrl+Enter)"_s);
    m_send->setDefault(true);
    line->addWidget(m_method);
    line->addWidget(m_url, 1);
    line->addWidget(m_send);
    layout->addLayout(line);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"requestTabs"_s);
    m_tabs->setAccessibleName(u"Request"_s);
    m_params = new KeyValueEditor(u"Query parameters"_s, this);
    m_params->setObjectName(u"paramsTable"_s);
    m_auth = new AuthEditor(services, this);
    m_auth->setObjectName(u"authEditor"_s);
    m_headers = new KeyValueEditor(u"Request headers"_s, this);
    m_headers->setObjectName(u"headersTable"_s);
    m_tabs->addTab(m_params, u"&Params"_s);
    m_tabs->addTab(m_auth, u"&Authorization"_s);
    m_tabs->addTab(m_headers, u"&Headers"_s);
    m_tabs->addTab(makeBodyTab(), u"&Body"_s);
    m_tabs->addTab(makeSettingsTab(), u"Se&ttings"_s);
    layout->addWidget(m_tabs, 1);

    connect(m_url, &QLineEdit::textEdited, this, &RequestEditor::onUrlEdited);
    connect(m_url, &QLineEdit::returnPressed, this, &RequestEditor::onSendClicked);
    connect(m_params->keyValueModel(), &KeyValueModel::rowsEdited, this, &RequestEditor::onParamsEdited);
    connect(m_method, &QComboBox::currentTextChanged, this, &RequestEditor::onMethodChanged);
    connect(m_auth, &AuthEditor::changed, this, &RequestEditor::refreshAutomaticHeaders);
    connect(m_bodyType, &QComboBox::currentIndexChanged, this, &RequestEditor::refreshAutomaticHeaders);
    connect(m_body, &QPlainTextEdit::textChanged, this, &RequestEditor::refreshAutomaticHeaders);
    connect(m_send, &QPushButton::clicked, this, &RequestEditor::onSendClicked);
    onMethodChanged();
}

QWidget *RequestEditor::makeBodyTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    m_bodyType = new QComboBox(page);
    m_bodyType->setObjectName(u"bodyType"_s);
    m_bodyType->setAccessibleName(u"Body type"_s);
    for (const BodyType &type : bodyTypes)
        m_bodyType->addItem(QString::fromUtf16(type.label), QString::fromUtf16(type.contentType));
    auto *typeLabel = new QLabel(u"Body &type:"_s, page);
    typeLabel->setBuddy(m_bodyType);
    form->addRow(typeLabel, m_bodyType);
    layout->addLayout(form);
    m_bodyNote = new QLabel(page);
    m_bodyNote->setObjectName(u"bodyNote"_s);
    m_bodyNote->setWordWrap(true);
    layout->addWidget(m_bodyNote);
    m_body = new QPlainTextEdit(page);
    m_body->setObjectName(u"bodyEdit"_s);
    m_body->setAccessibleName(u"Request body"_s);
    m_body->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_body->setTabChangesFocus(true);
    layout->addWidget(m_body, 1);
    return page;
}

QWidget *RequestEditor::makeSettingsTab()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_timeout = new QSpinBox(page);
    m_timeout->setObjectName(u"timeoutSpin"_s);
    m_timeout->setAccessibleName(u"Timeout in milliseconds"_s);
    m_timeout->setRange(0, 3600000);
    m_timeout->setSingleStep(1000);
    m_timeout->setSuffix(u" ms"_s);
    m_timeout->setSpecialValueText(u"No timeout"_s);
    m_timeout->setValue(HttpRequest().timeoutMs);
    if (auto *edit = m_timeout->findChild<QLineEdit *>())
        edit->setAccessibleName(m_timeout->accessibleName());
    auto *timeoutLabel = new QLabel(u"&Timeout:"_s, page);
    timeoutLabel->setBuddy(m_timeout);
    form->addRow(timeoutLabel, m_timeout);
    m_verifyTls = new QCheckBox(u"&Verify TLS certificates"_s, page);
    m_verifyTls->setObjectName(u"verifyTls"_s);
    m_verifyTls->setAccessibleName(u"Verify TLS certificates"_s);
    m_verifyTls->setChecked(true);
    m_verifyTls->setToolTip(u"Turn off only for a server you trust that uses a self-signed certificate."_s);
    form->addRow(QString(), m_verifyTls);
    m_followRedirects = new QCheckBox(u"&Follow redirects"_s, page);
    m_followRedirects->setObjectName(u"followRedirects"_s);
    m_followRedirects->setAccessibleName(u"Follow redirects"_s);
    m_followRedirects->setChecked(true);
    form->addRow(QString(), m_followRedirects);
    return page;
}

HttpRequest RequestEditor::request() const
{
    HttpRequest request;
    request.method = m_method->currentText().trimmed().toUpper();
    request.url = m_url->text().trimmed();
    request.headers = m_headers->keyValueModel()->rows();
    request.bodyContentType = m_bodyType->currentData().toString();
    if (!request.bodyContentType.isEmpty())
        request.body = m_body->toPlainText().toUtf8();
    request.auth = m_auth->config();
    request.timeoutMs = m_timeout->value();
    request.verifyTls = m_verifyTls->isChecked();
    request.followRedirects = m_followRedirects->isChecked();
    return request;
}

void RequestEditor::setRequest(const HttpRequest &request)
{
    m_syncing = true;
    m_method->setCurrentText(request.method);
    m_url->setText(request.url);
    m_params->keyValueModel()->setRows(QueryParams::parse(request.url));
    m_headers->keyValueModel()->setRows(request.headers);
    int typeIndex = m_bodyType->findData(request.bodyContentType);
    if (typeIndex < 0) // an unusual type the list lacks: keep the body, send it as text
        typeIndex = request.body.isEmpty() ? 0 : m_bodyType->findData(u"text/plain"_s);
    m_bodyType->setCurrentIndex(typeIndex);
    m_body->setPlainText(QString::fromUtf8(request.body));
    m_auth->setConfig(request.auth);
    m_auth->setRequestUrl(request.url);
    m_timeout->setValue(request.timeoutMs);
    m_verifyTls->setChecked(request.verifyTls);
    m_followRedirects->setChecked(request.followRedirects);
    m_syncing = false;
    refreshAutomaticHeaders();
}

void RequestEditor::setBusy(bool busy)
{
    m_busy = busy;
    m_send->setText(busy ? u"Cancel"_s : u"Send"_s);
    m_send->setAccessibleName(busy ? u"Cancel"_s : u"Send"_s);
    m_send->setToolTip(busy ? u"Cancel the request (Esc)"_s : u"Send the request (Ctrl+Enter)"_s);
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
        if (!imported.ok) {
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
    m_body->setEnabled(carries);
    m_bodyType->setEnabled(carries);
    m_bodyNote->setVisible(!carries);
    m_bodyNote->setText(u"A %1 request is sent without a body."_s.arg(m_method->currentText().trimmed().toUpper()));
    refreshAutomaticHeaders();
}

void RequestEditor::refreshAutomaticHeaders()
{
    if (m_syncing)
        return;
    KeyValueList rows = request().generatedHeaders();
    for (KeyValue &row : rows) {
        row.description = row.key.compare(u"Authorization"_s, Qt::CaseInsensitive) == 0 ? u"the Authorization tab"_s
                                                                                       : u"the Body tab"_s;
    }
    m_headers->keyValueModel()->setAutomaticRows(rows);
}

} // namespace Postern
