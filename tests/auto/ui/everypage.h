#pragma once

#include "ui/widgets/deferredpage.h"

#include <QWidget>

namespace Testing {

// Makes every page that is made when first shown (DeferredPage), as a user opening every tab would:
// for tests that read all of a window's controls, the hidden pages' too. Pages inside pages as well.
inline void makeEveryPage(QWidget *root)
{
    for (bool madeOne = true; madeOne;) {
        madeOne = false;
        const QList<Postern::DeferredPage *> pages = root->findChildren<Postern::DeferredPage *>();
        for (Postern::DeferredPage *page : pages) {
            if (!page->isMade()) {
                page->content();
                madeOne = true;
            }
        }
    }
}

} // namespace Testing
