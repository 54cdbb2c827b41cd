#include "ui/widgets/palette.h"

#include <QtMath>

#include <initializer_list>

using namespace Qt::StringLiterals;

namespace Postern::Theme {

namespace {

constexpr double MinimumTextContrast = 4.5;

struct Hues
{
    QRgb light; // on a light palette
    QRgb dark; // on a dark palette
};

Hues hues(ColorRole role)
{
    switch (role) {
    case ColorRole::ErrorText:
        return { 0xc62828, 0xef9a9a };
    case ColorRole::SuccessText:
        return { 0x2e7d32, 0x81c784 };
    case ColorRole::WarningText:
        return { 0xd84315, 0xffab91 };
    case ColorRole::InfoText:
        return { 0x1565c0, 0x90caf9 };
    case ColorRole::NoteBackground:
        return { 0xfff8e1, 0x4a3f1c };
    case ColorRole::FindMatchBackground:
        return { 0xffe082, 0x5c4d00 };
    case ColorRole::FindCurrentBackground:
        return { 0xffab40, 0x9a4a00 };
    case ColorRole::JsonKey:
        return { 0x8b1a8b, 0x9cdcfe };
    case ColorRole::JsonString:
        return { 0x1a6b1a, 0xce9178 };
    case ColorRole::JsonNumber:
        return { 0x1c4fb8, 0xb5cea8 };
    case ColorRole::JsonLiteral:
        return { 0xb35c00, 0x569cd6 };
    }
    return { 0x000000, 0xffffff };
}

double channel(double value)
{
    return value <= 0.04045 ? value / 12.92 : qPow((value + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &color)
{
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF());
}

QColor mix(const QColor &from, const QColor &to, double amount)
{
    const auto blend = [amount](int a, int b) {
        return qRound(a + (b - a) * amount);
    };
    return QColor(blend(from.red(), to.red()), blend(from.green(), to.green()),
                  blend(from.blue(), to.blue()));
}

double worstContrast(const QColor &color, std::initializer_list<QColor> against)
{
    double worst = 21.0;
    for (const QColor &other : against)
        worst = qMin(worst, contrastRatio(color, other));
    return worst;
}

// Moves hue towards target in small steps until it has the minimum contrast against every colour.
QColor readable(const QColor &hue, const QColor &target, std::initializer_list<QColor> against)
{
    for (int step = 0; step <= 20; ++step) {
        const QColor candidate = mix(hue, target, step / 20.0);
        if (worstContrast(candidate, against) >= MinimumTextContrast)
            return QColor::fromRgb(candidate.rgb()); // 8 bits a channel, as a style sheet names it
    }
    return QColor::fromRgb(target.rgb());
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::WindowText).lightness() > palette.color(QPalette::Window).lightness();
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QColor scanDark()
{
    return QColor(Qt::black);
}

QColor scanLight()
{
    return QColor(Qt::white);
}

QColor color(ColorRole role, const QPalette &palette)
{
    const Hues h = hues(role);
    const QColor hue = QColor::fromRgb(isDark(palette) ? h.dark : h.light);
    const QColor window = palette.color(QPalette::Window);
    if (role == ColorRole::NoteBackground) {
        // A background: keep the window text readable on it, moving towards the window colour if not.
        return readable(hue, window, { palette.color(QPalette::WindowText) });
    }
    if (role == ColorRole::FindMatchBackground || role == ColorRole::FindCurrentBackground)
        return readable(hue, palette.color(QPalette::Base), { palette.color(QPalette::Text) });
    return readable(hue, palette.color(QPalette::Text),
                    { window, palette.color(QPalette::Base), palette.color(QPalette::AlternateBase) });
}

QString textStyleSheet(const QString &widgetClass, ColorRole role, bool bold)
{
    return u"%1 { color: %2;%3 }"_s.arg(widgetClass, color(role).name(),
                                        bold ? u" font-weight: bold;"_s : QString());
}

QString backgroundStyleSheet(const QString &widgetClass, ColorRole role, const QString &extra)
{
    return u"%1 { background: %2;%3 }"_s.arg(widgetClass, color(role).name(),
                                             extra.isEmpty() ? QString() : u" "_s + extra);
}

} // namespace Postern::Theme
