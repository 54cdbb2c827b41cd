#pragma once

#include "ui/widgets/deferredpage.h"

#include <QString>
#include <QTabWidget>
#include <QWidget>

namespace Postern::Testing {

// Helpers for tests of windows whose pages are made when first shown (DeferredPage).

// Makes every page that is made when first shown (DeferredPage), as a user opening every tab would:
// for tests that read all of a window's controls, the hidden pages' too. Pages inside pages as well.
inline void makeEveryPage(QWidget *root)
{
    for (bool madeOne = true; madeOne;) {
        madeOne = false;
        const QList<DeferredPage *> pages = root->findChildren<DeferredPage *>();
        for (DeferredPage *page : pages) {
            if (!page->isMade()) {
                page->content();
                madeOne = true;
            }
        }
    }
}

// The tab of tabs that shows widget (its page, or a widget on it); -1 when none does.
inline int tabIndexOf(QTabWidget *tabs, QWidget *widget)
{
    for (QWidget *w = widget; w; w = w->parentWidget()) {
        if (const int index = tabs->indexOf(w); index >= 0)
            return index;
    }
    return -1;
}

// Opens the tab whose title, without its mnemonic and count, is title ("Cookies" for "Coo&kies (2)"),
// as a click on it does (its page is made then); returns the page, or nullptr when there is none.
inline QWidget *openTab(QTabWidget *tabs, const QString &title)
{
    for (int i = 0; i < tabs->count(); ++i) {
        QString text = tabs->tabText(i).remove(u'&');
        text = text.section(QStringLiteral(" ("), 0, 0);
        if (text == title) {
            tabs->setCurrentIndex(i);
            return tabs->widget(i);
        }
    }
    return nullptr;
}

} // namespace Postern::Testing
