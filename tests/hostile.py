"""Hostile strings: what errors.yaml or a paste could carry if a contributor, or an error page, meant harm.

Each either calls alert() or sets window.__pwned if it ever runs, so a test can tell it ran.
"""
from __future__ import annotations

PAYLOADS = [
    # tags and event handlers
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>x</details>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<form action=\"javascript:alert(1)\"><button>go</button></form>",
    "<a href=\"javascript:alert(1)\">click</a>",
    "<style>@import 'https://evil.example/x.css';</style>",
    "<!-- c --><script>window.__pwned=1</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    # javascript: and data: links, images
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click]( javascript:alert(1) )",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "![pixel](https://evil.example/pixel.png)",
    "![x](javascript:alert(1))",
    "[ref]\n\n[ref]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "<https://evil.example/autolink>",
    # template syntax (Jinja, the theme's and ours)
    "{{ 7*7 }} {{ config.site_name }}",
    "{% for x in range(3) %}loop{% endfor %}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "${alert(1)} #{alert(1)}",
    # Markdown-HTML mixes and Markdown extensions
    "*emphasis* <b onmouseover=alert(1)>bold</b>",
    "`code` <img src=x onerror=alert(1)> `more code`",
    "<div markdown=\"1\">*inside* <img src=x onerror=alert(1)></div>",
    "text {: onclick=\"alert(1)\" }",
    "!!! danger \"<img src=x onerror=alert(1)>\"\n    admonition",
    "--8<-- \"about.md\"",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;img src=x onerror=alert(1)&#62;",
    # attribute and element breakouts
    "\"><script>alert(1)</script>",
    "' onmouseover='alert(1)' x='",
    "\" onmouseover=\"alert(1)\" x=\"",
    "</title><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</code></pre><script>alert(1)</script>",
    "```\n<script>alert(1)</script>\n```",
    "````\n```\n<img src=x onerror=alert(1)>\n````",
    "line one\n</script><script>alert(1)</script>",
    "\u202e<img src=x onerror=alert(1)>\u202c",
]
