"""The popover's look. Colours come from the palette (see theme.py), baked into the style sheet
so that a light/dark switch simply means a new style sheet."""

from __future__ import annotations

from PySide6.QtGui import QPalette

from .theme import popover_colours

# Badges carry their own background, so one pair of colours reads on light and dark windows alike
# (#1f2328 on amber 9:1, white on violet 6.3:1, white on green 5:1). They say what they mean in words, not only in colour.
_STYLE = """
#popover {{ background: {window}; border: 1px solid {border}; border-radius: 8px; }}
#timerCard {{ background: {base}; border: 1px solid {card_border}; border-radius: 6px; }}
#timerTitle {{ font-weight: 600; font-size: 11pt; }}
#timerSubtitle, #timerNote, #who, #timerSince, #dayTotals, #lastEntry {{ color: {dim}; }}
#timerClock {{ font-size: 18pt; font-weight: 600; font-family: monospace; }}
#pausedBadge, #demoBadge, #runningState {{
    background: #f2a60c; color: #1f2328; border-radius: 4px; padding: 1px 6px; font-weight: 600;
}}
#demoBadge {{ background: #6741d9; color: white; }}
#runningState {{ background: #1a7f37; color: white; }}
#search {{ padding: 6px; font-size: 11pt; }}
#quickList {{ border: none; background: {window}; }}
#quickList::item {{ padding: 4px 6px; border-radius: 4px; }}
#quickList::item:selected {{ background: {highlight}; color: {highlighted_text}; }}
#status[kind="error"] {{ color: {error}; }}
#status[kind="busy"] {{ color: {dim}; }}
#clockNote {{ color: {dim}; }}
#menuButton {{ border: none; font-size: 14pt; padding: 0 6px; }}
#menuButton::menu-indicator {{ image: none; }}
"""


def popover_style(palette: QPalette) -> str:
    colours = popover_colours(palette)
    return _STYLE.format(**{name: getattr(colours, name).name() for name in colours.__dataclass_fields__})
