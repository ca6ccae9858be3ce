"""An optional rephrasing of `kg ask`'s answer by an LLM, from the lines the graph gave and nothing else.

Off unless KG_LLM_URL is set: then the lines (each with its sentence) go to an OpenAI-compatible
chat-completions endpoint (KG_LLM_URL, e.g. http://localhost:11434/v1; KG_LLM_MODEL; KG_LLM_API_KEY), and
its reply becomes Answer.summary. The lines and their evidence stay as they are, and a failed call is a
note, never an error: the answer from the graph does not depend on the LLM.
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request

TIMEOUT_SECONDS = 30
SYSTEM = ("You rephrase answers from a knowledge graph. Answer the user's question in two or three plain "
          "sentences using only the facts listed; do not add anything that is not in them. If the facts do not "
          "answer the question, say so.")


def endpoint() -> str | None:
    url = (os.environ.get("KG_LLM_URL") or "").strip()
    if not url:
        return None
    return url if url.rstrip("/").endswith("/chat/completions") else url.rstrip("/") + "/chat/completions"


def rephrase(answer) -> None:
    """Set answer.summary from the LLM when KG_LLM_URL is set and the answer has lines; otherwise nothing."""
    url = endpoint()
    if url is None or not answer.lines:
        return
    facts = "\n".join(f"- {item['text']} (source {item['document']}: \"{item['evidence']}\")"
                      if item.get("evidence") else f"- {item['text']}" for item in answer.lines[:40])
    body = {"model": os.environ.get("KG_LLM_MODEL") or "default", "temperature": 0,
            "messages": [{"role": "system", "content": SYSTEM},
                         {"role": "user", "content": f"Question: {answer.question}\nFacts:\n{facts}"}]}
    headers = {"Content-Type": "application/json"}
    if os.environ.get("KG_LLM_API_KEY"):
        headers["Authorization"] = "Bearer " + os.environ["KG_LLM_API_KEY"]
    request = urllib.request.Request(url, data=json.dumps(body).encode("utf-8"), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            reply = json.loads(response.read().decode("utf-8"))
        text = reply["choices"][0]["message"]["content"].strip()
    except (urllib.error.URLError, OSError, ValueError, KeyError, IndexError, TypeError) as err:
        answer.notes.append(f"the LLM at KG_LLM_URL gave no rephrasing ({type(err).__name__}: {err})")
        return
    answer.summary = text or None
