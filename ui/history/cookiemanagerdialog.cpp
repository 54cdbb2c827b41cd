#include "ui/history/cookiemanagerdialog.h"

#include "ui/response/cookiesview.h"
#include "ui/widgets/clearbutton.h"
#include "ui/widgets/formrow.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

CookieManagerDialog::CookieManagerDialog(CookieStore *store, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"cookieManagerDialog"_s);
    setWindowTitle(tr("Cookies"));
    resize(820, 460);

    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(u"cookieDomainFilter"_s);
    m_filter->setPlaceholderText(u"example.com"_s);
    m_filter->setClearButtonEnabled(true);
    nameClearButton(m_filter, tr("Clear the filter"));
    addLabelledRow(form, tr("&Filter by domain:"), m_filter, tr("Filter cookies by domain"));
    layout->addLayout(form);

    m_view = new CookiesView(this);
    m_view->setObjectName(u"cookieManagerView"_s);
    m_view->table()->setAccessibleName(tr("Cookies in the jar"));
    m_view->setStore(store);
    layout->addWidget(m_view, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(u"cookieManagerButtons"_s);
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(u"closeCookieManagerButton"_s);
    close->setAccessibleName(tr("Close"));
    close->setAutoDefault(false);
    layout->addWidget(buttons);

    connect(m_filter, &QLineEdit::textChanged, m_view, &CookiesView::setDomainFilter);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_filter->setFocus();
}

} // namespace Postern
