#pragma once

#include <QDialog>

QT_BEGIN_NAMESPACE
class QLineEdit;
QT_END_NAMESPACE

namespace Postern {

class CookieStore;
class CookiesView;

// The Cookie Manager: every cookie in the jar, narrowed by a domain filter, with Delete and Delete
// All. The store is not owned and must outlive the dialog (or the dialog shows an empty list once the
// store is gone). Modeless-friendly: open it with show() and WA_DeleteOnClose.
class CookieManagerDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CookieManagerDialog(CookieStore *store, QWidget *parent = nullptr);

    CookiesView *cookiesView() const { return m_view; }
    QLineEdit *domainFilter() const { return m_filter; }

private:
    QLineEdit *m_filter = nullptr;
    CookiesView *m_view = nullptr;
};

} // namespace Postern
