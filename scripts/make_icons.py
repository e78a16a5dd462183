"""Render static/icons/icon.svg to the PNG app icons (192, 512, and a maskable 512) with Chromium.

Run once after changing the SVG: .venv/bin/python scripts/make_icons.py (the PNGs are committed).
"""
from pathlib import Path

from playwright.sync_api import sync_playwright

ICONS = Path(__file__).resolve().parents[1] / "static" / "icons"
CHROMIUM = "/usr/lib/chromium/chromium" if Path("/usr/lib/chromium/chromium").exists() else "/usr/bin/chromium"
# A maskable icon keeps its drawing inside the central 80 % circle; the rest is background.
PAGE = """<!doctype html><body style="margin:0;background:{bg}"><div style="width:{size}px;height:{size}px;
display:grid;place-items:center">{svg}</div></body>"""


def main() -> None:
    svg = (ICONS / "icon.svg").read_text()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for name, size, inner, bg in (("icon-192.png", 192, 192, "transparent"), ("icon-512.png", 512, 512, "transparent"),
                                      ("icon-maskable-512.png", 512, 320, "#0b5d4b")):
            page = browser.new_page(viewport={"width": size, "height": size})
            drawing = svg.replace('width="28" height="28"', f'width="{inner}" height="{inner}"')
            if bg != "transparent":
                drawing = drawing.replace('rx="7"', 'rx="0"')
            page.set_content(PAGE.format(bg=bg, size=size, svg=drawing))
            page.screenshot(path=str(ICONS / name), omit_background=bg == "transparent")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
