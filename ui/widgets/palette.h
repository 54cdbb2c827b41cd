#pragma once

#include <QColor>
#include <QGuiApplication>
#include <QPalette>
#include <QString>

namespace Postern {

// The colours the widgets use beyond QPalette's own roles: the meaning of a text (an error, a success,
// a warning, a redirect), the background of a note, and the JSON syntax colours. Every one is derived
// from the palette it is asked with: a light or a dark hue chosen by the palette's lightness, then moved
// towards the palette's text colour until it reads clearly (WCAG contrast of at least 4.5:1) on the
// window, base and alternate-base colours. This is the only place in the UI that names a colour.
enum class ColorRole {
    ErrorText,
    SuccessText,
    WarningText,
    InfoText,
    NoteBackground, // behind WindowText
    FindMatchBackground, // behind Text: a match of Find
    FindCurrentBackground, // behind Text: the match Find is on
    JsonKey,
    JsonString,
    JsonNumber,
    JsonLiteral,
};

namespace Theme {

// A palette is dark when its window text is lighter than its window.
bool isDark(const QPalette &palette = QGuiApplication::palette());

QColor color(ColorRole role, const QPalette &palette = QGuiApplication::palette());

// What stays the same in every palette: a code that a camera reads (a QR code) is dark modules on light
// paper, as ISO/IEC 18004 draws it; a dark palette must not invert it.
QColor scanDark();
QColor scanLight();

// The WCAG 2 contrast ratio between two colours, from 1 (same luminance) to 21 (black on white).
double contrastRatio(const QColor &a, const QColor &b);

// A style sheet that sets the text colour of widgetClass (e.g. "QLabel") to role, optionally bold.
QString textStyleSheet(const QString &widgetClass, ColorRole role, bool bold = false);

// A style sheet that sets the background of widgetClass to role; extra is appended inside the braces.
QString backgroundStyleSheet(const QString &widgetClass, ColorRole role, const QString &extra = QString());

} // namespace Theme

} // namespace Postern
