"""The policy assistant: cited answers about public-sector international policies.

Build the index, then ask::

    policy-assistant ingest
    policy-assistant ask "Vem beslutar om vänortssamarbeten?"

From Python::

    from assistant import Assistant, Settings
    answer = Assistant(Settings()).ask("Who decides on twinning?")
"""

from core.errors import AssistantError
from core.settings import Settings
from core.types import Answer, Citation, Passage

__all__ = ["Answer", "Assistant", "AssistantError", "Citation", "Passage", "Settings"]


def __getattr__(name: str) -> object:
    # The facade pulls in the retrieval stack; import it only when asked for.
    if name == "Assistant":
        from assistant.service import Assistant

        return Assistant
    raise AttributeError(name)
