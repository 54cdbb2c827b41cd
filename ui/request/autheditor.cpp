#include "ui/request/autheditor.h"

#include "ui/oauth/oauth2pane.h"
#include "ui/widgets/formrow.h"
#include "ui/widgets/secretlineedit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

AuthEditor::AuthEditor(const OAuthServices &services, QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *typeRow = new QFormLayout;
    m_type = new QComboBox(this);
    m_type->setObjectName(u"authType"_s);
    // Postman's order: Inherit first. The pages follow the same order.
    for (const AuthType type :
         { AuthType::Inherit, AuthType::None, AuthType::Basic, AuthType::Bearer, AuthType::OAuth2 })
        m_type->addItem(authTypeName(type), int(type));
    addLabelledRow(typeRow, tr("&Type:"), m_type, tr("Authorization type"));
    layout->addLayout(typeRow);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(makeInheritPage());
    m_pages->addWidget(makeNonePage());
    m_pages->addWidget(makeBasicPage());
    m_pages->addWidget(makeBearerPage());
    m_oauth2 = new OAuth2Pane(services, this);
    m_oauth2->setObjectName(u"oauth2Pane"_s);
    m_pages->addWidget(m_oauth2);
    connect(m_oauth2, &OAuth2Pane::changed, this, &AuthEditor::changed);
    layout->addWidget(m_pages, 1);

    connect(m_type, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_pages->setCurrentIndex(index);
        Q_EMIT changed();
    });
}

QWidget *AuthEditor::makeInheritPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    m_inherited = new QLabel(page);
    m_inherited->setObjectName(u"inheritedAuth"_s);
    m_inherited->setWordWrap(true);
    m_inherited->setTextFormat(Qt::PlainText);
    m_inherited->setText(tr("This request is in no collection: it is sent without authorization."));
    layout->addWidget(m_inherited);
    layout->addStretch();
    return page;
}

void AuthEditor::setInheritAvailable(bool available)
{
    const int row = m_type->findData(int(AuthType::Inherit));
    if (auto *model = qobject_cast<QStandardItemModel *>(m_type->model())) {
        if (QStandardItem *item = model->item(row))
            item->setEnabled(available);
    }
    if (auto *view = qobject_cast<QListView *>(m_type->view()))
        view->setRowHidden(row, !available);
    if (!available && m_type->currentIndex() == row)
        m_type->setCurrentIndex(m_type->findData(int(AuthType::None)));
}

void AuthEditor::setInheritedDescription(const QString &text)
{
    m_inherited->setText(text);
}

QWidget *AuthEditor::makeNonePage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    auto *label = new QLabel(tr("This request does not use any authorization."), page);
    label->setWordWrap(true);
    layout->addWidget(label);
    layout->addStretch();
    return page;
}

QWidget *AuthEditor::makeBasicPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_username = new QLineEdit(page);
    m_username->setObjectName(u"basicUsername"_s);
    m_password = new SecretLineEdit(page);
    m_password->setObjectName(u"basicPassword"_s);
    addLabelledRow(form, tr("&Username:"), m_username);
    addLabelledRow(form, tr("&Password:"), m_password);
    form->addRow(QString(), m_password->createRevealToggle(tr("Show password"), tr("Show password")));
    connect(m_username, &QLineEdit::textChanged, this, &AuthEditor::changed);
    connect(m_password, &QLineEdit::textChanged, this, &AuthEditor::changed);
    return page;
}

QWidget *AuthEditor::makeBearerPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    m_token = new SecretLineEdit(page);
    m_token->setObjectName(u"bearerToken"_s);
    addLabelledRow(form, tr("T&oken:"), m_token);
    form->addRow(QString(), m_token->createRevealToggle(tr("Show token"), tr("Show token")));
    connect(m_token, &QLineEdit::textChanged, this, &AuthEditor::changed);
    return page;
}

void AuthEditor::setRequestUrl(const QString &url)
{
    m_oauth2->suggestFromUrl(url);
}

AuthConfig AuthEditor::config() const
{
    AuthConfig config;
    config.type = AuthType(m_type->currentData().toInt());
    config.username = m_username->text();
    config.password = m_password->text();
    config.token = m_token->text();
    m_oauth2->fillConfig(&config);
    return config;
}

void AuthEditor::setConfig(const AuthConfig &config)
{
    QSignalBlocker blocker(this);
    m_username->setText(config.username);
    m_password->setText(config.password);
    m_token->setText(config.type == AuthType::Bearer ? config.token : QString());
    m_oauth2->setConfig(config);
    const int index = m_type->findData(int(config.type));
    m_type->setCurrentIndex(index < 0 ? m_type->findData(int(AuthType::None)) : index);
    m_pages->setCurrentIndex(m_type->currentIndex());
    blocker.unblock();
    Q_EMIT changed();
}

} // namespace Postern
