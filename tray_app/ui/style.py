"""The popover's look. Colours come from the palette so light and dark themes both work."""

POPOVER_STYLE = """
#popover { background: palette(window); border: 1px solid palette(mid); border-radius: 8px; }
#timerCard { background: palette(base); border: 1px solid palette(midlight); border-radius: 6px; }
#timerTitle { font-weight: 600; font-size: 11pt; }
#timerSubtitle, #timerNote, #who { color: palette(placeholder-text); }
#timerClock { font-size: 18pt; font-weight: 600; font-family: monospace; }
#pausedBadge, #demoBadge {
    background: #f2a60c; color: #1f2328; border-radius: 4px; padding: 1px 6px; font-weight: 600;
}
#demoBadge { background: #7c5cff; color: white; }
#search { padding: 6px; font-size: 11pt; }
#quickList { border: none; background: palette(window); }
#quickList::item { padding: 4px 6px; border-radius: 4px; }
#quickList::item:selected { background: palette(highlight); color: palette(highlighted-text); }
#status[kind="error"] { color: #c62828; }
#status[kind="busy"] { color: palette(placeholder-text); }
#menuButton { border: none; font-size: 14pt; padding: 0 6px; }
"""
