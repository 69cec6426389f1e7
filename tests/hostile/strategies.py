"""Hypothesis strategies: query strings and form fields mixing hostile values with valid ones."""

from urllib.parse import quote

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from tests.hostile.addresses import ENCODED, HOSTILE, VALID, encoded

# 500 examples per family; the examples share the module's data (conftest.world), no example database.
EXAMPLES = settings(
    max_examples=500,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

free_text = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40)


def raw_values(name: str):
    """A value for `name`, as typed (not encoded): hostile, valid, random text or a number of any size."""
    return st.one_of(
        st.sampled_from(HOSTILE),
        st.sampled_from(VALID.get(name) or ["1"]),
        free_text,
        st.integers(min_value=-(10**25), max_value=10**25).map(str),
        st.lists(st.sampled_from(HOSTILE[:20]) | free_text, min_size=2, max_size=5).map("".join),
    )


def encoded_values(name: str):
    """A value for `name` as it travels in a query string (invalid UTF-8 and lone surrogates included)."""
    return st.one_of(raw_values(name).map(encoded), st.sampled_from(ENCODED), st.binary(max_size=12).map(_bytes))


def _bytes(data: bytes) -> str:
    return "".join(f"%{byte:02X}" for byte in data)


def query_strings(parameters):
    """One to four parameters (a name drawn among `parameters`, rarely an unknown one), each with a value."""
    names = st.sampled_from(list(parameters)) | st.sampled_from(["", "x", "%00", "%C2%B2"])
    pair = names.flatmap(lambda name: encoded_values(name).map(lambda value: f"{name}={value}"))
    return st.lists(pair, min_size=1, max_size=4).map("&".join)


def path_segments():
    """One segment of a path: a hostile value, a valid-looking file name or raw bytes."""
    return st.one_of(
        st.sampled_from(HOSTILE).map(lambda value: quote(value, safe="")),
        st.sampled_from(ENCODED),
        st.sampled_from(["images", "original_images", "documents", "protocole.pdf", "..", ".", "%2e%2e"]),
        free_text.map(lambda value: quote(value, safe="")),
    )
