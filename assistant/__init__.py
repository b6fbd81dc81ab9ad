"""The policy assistant: cited answers about public-sector international policies.

Build the index, then ask::

    policy-assistant ingest
    policy-assistant ask "Vem beslutar om vänortssamarbeten?"

From Python::

    from assistant import Assistant, Settings
    answer = Assistant(Settings()).ask("Who decides on twinning?")
"""

from assistant.errors import AssistantError
from assistant.models import Answer, Citation, Passage
from assistant.settings import Settings

__all__ = ["Answer", "Assistant", "AssistantError", "Citation", "Passage", "Settings"]


def __getattr__(name: str) -> object:
    # The facade pulls in the retrieval stack; import it only when asked for.
    if name == "Assistant":
        from assistant.core import Assistant

        return Assistant
    raise AttributeError(name)
