"""Drawing primitives in one soft, flat style: panels, faces, shapes, portraits, buttons.

Portraits and icons are generated in code from a character's id, so every scenario gets
friendly pictures without art files, and the same character always looks the same.
"""

from __future__ import annotations

import math

import pygame

from max247.ui import theme as th
from max247.ui.theme import Colour

SKIN = (
    (255, 219, 180),
    (241, 194, 150),
    (224, 172, 120),
    (198, 134, 88),
    (141, 85, 54),
    (96, 60, 40),
)
HAIR = ((40, 30, 25), (90, 60, 40), (160, 110, 60), (220, 180, 110), (30, 30, 30), (120, 70, 40))
SHIRT = (
    (111, 163, 206),
    (236, 156, 116),
    (130, 190, 150),
    (200, 150, 210),
    (240, 200, 100),
    (150, 160, 200),
)


def panel(
    surface: pygame.Surface,
    rect: pygame.Rect,
    colour: Colour,
    radius: int,
    shadow: int = 0,
    border: Colour | None = None,
    border_width: int = 0,
) -> None:
    if rect.w <= 0 or rect.h <= 0:
        return  # nothing to draw in a box squeezed to nothing
    if shadow:
        shade = pygame.Surface(rect.size, pygame.SRCALPHA)
        pygame.draw.rect(shade, (0, 0, 0, 40), shade.get_rect(), border_radius=radius)
        surface.blit(shade, rect.move(0, shadow))
    pygame.draw.rect(surface, colour, rect, border_radius=radius)
    if border and border_width:
        pygame.draw.rect(surface, border, rect, border_width, border_radius=radius)


def shape(
    surface: pygame.Surface, kind: str, centre: tuple[int, int], r: int, colour: Colour
) -> None:
    """The option shapes: circle, square, triangle, diamond."""
    x, y = centre
    if kind == "circle":
        pygame.draw.circle(surface, colour, centre, r)
    elif kind == "square":
        s = round(r * 0.9)
        pygame.draw.rect(
            surface, colour, (x - s, y - s, 2 * s, 2 * s), border_radius=max(1, r // 5)
        )
    elif kind == "triangle":
        pts = [
            (x, y - r),
            (x + round(r * 0.95), y + round(r * 0.75)),
            (x - round(r * 0.95), y + round(r * 0.75)),
        ]
        pygame.draw.polygon(surface, colour, pts)
    else:
        pygame.draw.polygon(surface, colour, [(x, y - r), (x + r, y), (x, y + r), (x - r, y)])


def face(surface: pygame.Surface, mood: int, centre: tuple[int, int], r: int) -> None:
    """A mood face: its colour, and a mouth from a frown (0) to a wide smile (4)."""
    x, y = centre
    pygame.draw.circle(surface, th.mood_colour(mood), centre, r)
    pygame.draw.circle(surface, th.INK, centre, r, max(1, r // 12))
    eye = max(1, r // 8)
    pygame.draw.circle(surface, th.INK, (x - r // 3, y - r // 5), eye)
    pygame.draw.circle(surface, th.INK, (x + r // 3, y - r // 5), eye)
    width = max(2, r // 9)
    mouth_w = r
    top = y + r // 6
    if mood == 2:
        pygame.draw.line(
            surface, th.INK, (x - r // 3, top + r // 8), (x + r // 3, top + r // 8), width
        )
        return
    curve = (mood - 2) / 2  # -1 frown .. +1 smile
    h = max(2, round(abs(curve) * r * 0.45))
    rect = pygame.Rect(0, 0, round(mouth_w * (0.55 + 0.15 * abs(curve))), h * 2)
    if curve > 0:
        rect.center = (x, top)
        pygame.draw.arc(surface, th.INK, rect, math.pi * 1.05, math.pi * 1.95, width)
    else:
        rect.center = (x, top + h * 2 - h // 2)
        pygame.draw.arc(surface, th.INK, rect, math.pi * 0.05, math.pi * 0.95, width)


def _pick(seq, key: str, salt: str):
    import hashlib  # here, not at start: it loads OpenSSL (4 MiB)

    digest = hashlib.sha256((salt + key).encode()).digest()
    return seq[digest[0] % len(seq)]


def portrait(
    surface: pygame.Surface, key: str, centre: tuple[int, int], r: int, kind: str = "child"
) -> None:
    """A friendly flat portrait. kind: child, adult (a Max), or unknown (someone online)."""
    x, y = centre
    clip = pygame.Surface((2 * r, 2 * r), pygame.SRCALPHA)
    c = (r, r)
    if kind == "unknown":
        # someone met online: a calm grey silhouette with a question mark, nothing scary
        pygame.draw.circle(clip, (214, 218, 228), c, r)
        pygame.draw.circle(clip, (160, 166, 182), (r, round(r * 0.85)), round(r * 0.38))
        pygame.draw.ellipse(
            clip, (160, 166, 182), (round(r * 0.35), round(r * 1.3), round(r * 1.3), r)
        )
        mask = pygame.Surface((2 * r, 2 * r), pygame.SRCALPHA)
        pygame.draw.circle(mask, (255, 255, 255, 255), c, r)
        clip.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
        surface.blit(clip, (x - r, y - r))
        return
    bg = th.mix(_pick(SHIRT, key, "bg"), th.WHITE, 0.65)
    skin = _pick(SKIN, key, "skin")
    hair = _pick(HAIR, key, "hair")
    shirt = _pick(SHIRT, key, "shirt")
    style = _pick(("short", "long", "curly", "bun"), key, "style")
    pygame.draw.circle(clip, bg, c, r)
    head_r = round(r * (0.36 if kind == "child" else 0.38))
    head = (r, round(r * 0.88))
    if style == "long":
        # long hair falls behind the shoulders: drawn first, so it never looks like a beard
        pygame.draw.ellipse(
            clip,
            hair,
            (
                head[0] - head_r - r // 10,
                head[1] - head_r,
                2 * head_r + r // 5,
                round(head_r * 2.7),
            ),
        )
    # shoulders
    pygame.draw.ellipse(
        clip, shirt, (round(r * 0.3), round(r * 1.35), round(r * 1.4), round(r * 1.2))
    )
    pygame.draw.circle(clip, skin, head, head_r)
    if style == "curly":
        for i in range(7):
            a = math.pi * (1.05 + i * 0.15)
            pygame.draw.circle(
                clip,
                hair,
                (head[0] + round(math.cos(a) * head_r), head[1] + round(math.sin(a) * head_r)),
                r // 7,
            )
    else:
        pygame.draw.arc(
            clip,
            hair,
            (head[0] - head_r, head[1] - head_r, 2 * head_r, 2 * head_r),
            0.15,
            math.pi - 0.15,
            max(2, r // 6),
        )
        pygame.draw.ellipse(clip, hair, (head[0] - head_r, head[1] - head_r, 2 * head_r, head_r))
    if style == "bun":
        pygame.draw.circle(clip, hair, (head[0], head[1] - head_r), r // 7)
    eye = max(1, r // 22)
    pygame.draw.circle(clip, th.INK, (head[0] - head_r // 3, head[1] + head_r // 8), eye)
    pygame.draw.circle(clip, th.INK, (head[0] + head_r // 3, head[1] + head_r // 8), eye)
    smile = pygame.Rect(0, 0, head_r, head_r // 2)
    smile.center = (head[0], head[1] + head_r // 3)
    pygame.draw.arc(clip, th.INK, smile, math.pi * 1.1, math.pi * 1.9, max(1, r // 30))
    if kind == "adult":
        # a Max wears a small heart badge: the sign of someone the child trusts
        heart(clip, (round(r * 1.35), round(r * 1.62)), max(3, r // 7), (220, 70, 90))
    mask = pygame.Surface((2 * r, 2 * r), pygame.SRCALPHA)
    pygame.draw.circle(mask, (255, 255, 255, 255), c, r)
    clip.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    surface.blit(clip, (x - r, y - r))


def heart(surface: pygame.Surface, centre: tuple[int, int], r: int, colour: Colour) -> None:
    x, y = centre
    pygame.draw.circle(surface, colour, (x - r // 2, y - r // 4), r // 2 + 1)
    pygame.draw.circle(surface, colour, (x + r // 2, y - r // 4), r // 2 + 1)
    pygame.draw.polygon(surface, colour, [(x - r, y - r // 6), (x + r, y - r // 6), (x, y + r)])


def check(surface: pygame.Surface, centre: tuple[int, int], r: int, colour: Colour) -> None:
    x, y = centre
    w = max(2, r // 3)
    pygame.draw.lines(
        surface,
        colour,
        False,
        [(x - r, y), (x - r // 3, y + r * 2 // 3), (x + r, y - r * 2 // 3)],
        w,
    )


def phone_icon(surface: pygame.Surface, rect: pygame.Rect, colour: Colour) -> None:
    pygame.draw.rect(surface, colour, rect, max(2, rect.w // 8), border_radius=max(2, rect.w // 4))
    dot = max(1, rect.w // 10)
    pygame.draw.circle(surface, colour, (rect.centerx, rect.bottom - dot * 3), dot)


def circles(
    surface: pygame.Surface, centre: tuple[int, int], r: int, colours: tuple[Colour, ...]
) -> None:
    """Three circles of help, from the outside in: professional help, adults, friends."""
    for i, colour in enumerate(colours):
        pygame.draw.circle(surface, colour, centre, round(r * (1 - i * 0.3)))


def mark(
    surface: pygame.Surface, kind: str, centre: tuple[int, int], r: int, colour: Colour
) -> None:
    """A table's mark (max247.player.tables.SHAPES): shapes unlike the option cards' four, so a
    table's mark is never taken for an option."""
    x, y = centre
    if kind == "heart":
        heart(surface, centre, r, colour)
    elif kind == "plus":
        w = round(r * 0.7)
        pygame.draw.rect(surface, colour, (x - w // 2, y - r, w, 2 * r), border_radius=r // 6)
        pygame.draw.rect(surface, colour, (x - r, y - w // 2, 2 * r, w), border_radius=r // 6)
    elif kind == "moon":
        # a disc with a bite taken out, drawn apart so the bite shows what lies behind
        moon = pygame.Surface((2 * r + 1, 2 * r + 1), pygame.SRCALPHA)
        pygame.draw.circle(moon, colour, (r, r), r)
        pygame.draw.circle(moon, (0, 0, 0, 0), (round(r * 1.55), round(r * 0.7)), round(r * 0.8))
        surface.blit(moon, (x - r, y - r))
    elif kind == "flower":
        petal = round(r * 0.42)
        for i in range(6):
            a = math.tau * i / 6
            pygame.draw.circle(
                surface,
                colour,
                (x + round(math.cos(a) * r * 0.55), y + round(math.sin(a) * r * 0.55)),
                petal,
            )
        pygame.draw.circle(surface, colour, centre, petal)
    else:  # star, hexagon, pentagon, arrow: polygons
        points = {"star": 10, "hexagon": 6, "pentagon": 5}.get(kind)
        if points is None:  # an arrow pointing up
            s = round(r * 0.35)
            pts = [
                (x, y - r),
                (x + r, y),
                (x + s, y),
                (x + s, y + r),
                (x - s, y + r),
                (x - s, y),
                (x - r, y),
            ]
        else:
            pts = []
            for i in range(points):
                a = -math.pi / 2 + math.tau * i / points
                radius = r if kind != "star" or i % 2 == 0 else r * 0.45
                pts.append((x + round(math.cos(a) * radius), y + round(math.sin(a) * radius)))
        pygame.draw.polygon(surface, colour, pts)
