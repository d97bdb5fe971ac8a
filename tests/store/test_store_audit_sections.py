"""The audit log in its own sections of the vault file (formats 2 and 3): decoded only when read,
saved incrementally, and older files (format 1, the log inside the document; format 2, zlib instead
of Zstandard) still open and upgrade."""

from __future__ import annotations

import datetime as dt
import json
import os
import zlib

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from lcv_tui.domain import audit
from lcv_tui.domain.models import AuditLog, VaultData
from lcv_tui.paths import Locations
from lcv_tui.store import Vault, fileformat, sections

AT = dt.datetime(2026, 11, 23, 10, 0)


def _log(data: VaultData, count: int, start: int = 0) -> None:
    for index in range(start, start + count):
        audit.append(
            data.audit,
            at=AT + dt.timedelta(minutes=index),
            action="payment.add",
            tenant_id=f"t{index % 3}",
            ref=f"p{index}",
            content=audit.digest(str(index)),
        )


def test_a_load_leaves_the_log_undecoded_until_it_is_read(vault, locations, data, passphrase):
    _log(data, 50)
    vault.save(data)
    opened = Vault.open(locations, passphrase)[1]
    assert not opened.audit.decoded and len(opened.audit) == 50
    assert opened.audit.last == (data.audit[-1].seq, data.audit[-1].hash)
    assert list(opened.audit) == list(data.audit)
    assert audit.verify(opened.audit) == []
    assert not opened.audit.decoded, "a read streams the stored part and keeps none of it"


def test_a_stored_log_is_indexed_and_sliced_like_a_list_without_being_kept(
    vault, locations, data, passphrase
):
    _log(data, 30)
    vault.save(data)
    opened = Vault.open(locations, passphrase)[1]
    _log(opened, 2, start=30)
    expected = list(opened.audit)
    assert [e.ref for e in expected] == [f"p{i}" for i in range(32)]
    for index in (0, 5, 29, 30, 31, -1, -2, -3, -32):
        assert opened.audit[index] == expected[index]
    for part in (
        slice(3, 7),
        slice(28, 32),
        slice(30, None),
        slice(None, None, 5),
        slice(None, None, -1),
    ):
        assert opened.audit[part] == expected[part]
    assert opened.audit.since(29) == expected[29:] and opened.audit.since(32) == []
    with pytest.raises(IndexError):
        opened.audit[32]
    assert opened.audit == expected and not opened.audit.decoded


def test_appending_and_saving_does_not_decode_the_stored_part(vault, locations, data, passphrase):
    _log(data, 40)
    vault.save(data)
    reopened, opened = Vault.open(locations, passphrase)
    _log(opened, 3, start=40)
    reopened.save(opened)
    assert not opened.audit.decoded, "a save needs only the new lines"
    final = Vault.open(locations, passphrase)[1]
    assert len(final.audit) == 43 and audit.verify(final.audit) == []
    assert [e.ref for e in final.audit[-3:]] == ["p40", "p41", "p42"]


def test_one_line_per_save_keeps_few_chunks_and_an_intact_chain(vault, locations, data, passphrase):
    """Promise: a long-lived vault does not pile up a chunk per save (merges like a binary counter)."""
    for index in range(200):
        _log(data, 1, start=index)
        vault.save(data)
    assert len(vault._chunks) <= 10
    assert sum(c.count for c in vault._chunks) == 200
    opened = Vault.open(locations, passphrase)[1]
    assert list(opened.audit) == list(data.audit) and audit.verify(opened.audit) == []


@pytest.mark.parametrize("codec", [sections.ZSTD, sections.ZLIB], ids=lambda c: c.name)
def test_large_logs_are_cut_into_bounded_chunks(codec):
    data = VaultData()
    _log(data, sections.MAX_CHUNK * 2 + 5)
    chunks = sections.chunk_all(list(data.audit), codec)
    assert [c.count for c in chunks] == [sections.MAX_CHUNK, sections.MAX_CHUNK, 5]
    grown = sections.extend(chunks, [], codec)
    assert grown == chunks
    assert list(sections.decode_chunks(chunks, data.audit.last, codec)) == list(data.audit)


@pytest.mark.parametrize("codec", [sections.ZSTD, sections.ZLIB], ids=lambda c: c.name)
def test_the_document_comes_back_line_by_line(codec):
    lines = [json.dumps({"n": index, "pad": "x" * (index % 700)}).encode() for index in range(3000)]
    packed = sections.compress_document(b'{"head":1}', lines, codec)
    assert list(sections.document_lines(packed, codec, piece=4096)) == [b'{"head":1}', *lines]
    for damaged in (
        packed[:-3],
        packed + packed[:10],
        packed[:100] + bytes([packed[100] ^ 1]) + packed[101:],
    ):
        with pytest.raises(sections.SectionError):
            list(sections.document_lines(damaged, codec, piece=4096))


def test_lines_taken_back_below_the_saved_part_are_written_in_full(
    vault, locations, data, passphrase
):
    _log(data, 10)
    vault.save(data)
    data.audit.truncate(4)
    _log(data, 2, start=100)
    vault.save(data)
    opened = Vault.open(locations, passphrase)[1]
    assert [e.ref for e in opened.audit] == ["p0", "p1", "p2", "p3", "p100", "p101"]
    assert audit.verify(opened.audit) == []


def test_an_unsaved_import_is_taken_back_without_decoding(vault, locations, data, passphrase):
    _log(data, 10)
    vault.save(data)
    reopened, opened = Vault.open(locations, passphrase)
    _log(opened, 5, start=10)
    opened.audit.truncate(10)
    assert not opened.audit.decoded and len(opened.audit) == 10
    _log(opened, 1, start=20)
    reopened.save(opened)
    assert [e.ref for e in Vault.open(locations, passphrase)[1].audit][-2:] == ["p9", "p20"]


def test_data_from_another_vault_is_written_with_its_whole_log(
    tmp_path, vault, locations, data, passphrase
):
    _log(data, 12)
    vault.save(data)
    opened = Vault.open(locations, passphrase)[1]
    other = Locations(tmp_path / "elders")
    Vault.create(other, passphrase, opened)
    assert not opened.audit.decoded, "the whole log is streamed into the new vault"
    copy = Vault.open(other, passphrase)[1]
    assert list(copy.audit) == list(data.audit) and audit.verify(copy.audit) == []


def test_the_sections_are_inside_the_encryption(vault, locations, data):
    """Promise: no audit line (ids, digests) is readable in the file."""
    _log(data, 20)
    vault.save(data)
    raw = locations.vault_path.read_bytes()
    assert data.audit[-1].hash.encode() not in raw and b"payment.add" not in raw


def _format_1_file(vault: Vault, locations: Locations, data: VaultData) -> None:
    """The vault as the first release wrote it: zlib(schema-1 JSON with the audit log inside), format 1."""
    doc = json.loads(data.model_dump_json())
    doc["schema_version"] = 1
    doc["audit"] = [entry.model_dump(mode="json") for entry in data.audit]
    nonce = os.urandom(fileformat.NONCE_SIZE)
    core_bytes = fileformat.Core(vault.vault_id, nonce, "zlib").to_bytes()
    body = AESGCM(vault._data_key).encrypt(
        nonce, zlib.compress(json.dumps(doc).encode()), fileformat.data_aad(core_bytes, 1)
    )
    locations.vault_path.write_bytes(fileformat.assemble(core_bytes, vault._file.slots, body, 1))


def _format_2_file(vault: Vault, locations: Locations, data: VaultData) -> None:
    """The vault as the second release wrote it: sections compressed with zlib, format 2."""
    head = data.model_dump_json(exclude={"tenants"}).encode()
    document = sections.compress_document(
        head, [t.model_dump_json().encode() for t in data.tenants], sections.ZLIB
    )
    plaintext = sections.pack(
        document, sections.chunk_all(list(data.audit), sections.ZLIB), data.audit.last
    )
    nonce = os.urandom(fileformat.NONCE_SIZE)
    core_bytes = fileformat.Core(vault.vault_id, nonce, "zlib").to_bytes()
    body = AESGCM(vault._data_key).encrypt(nonce, plaintext, fileformat.data_aad(core_bytes, 2))
    locations.vault_path.write_bytes(fileformat.assemble(core_bytes, vault._file.slots, body, 2))


def test_a_format_1_vault_opens_and_is_upgraded_on_the_next_save(
    vault, locations, data, passphrase
):
    _log(data, 7)
    _format_1_file(vault, locations, data)
    reopened, opened = Vault.open(locations, passphrase)
    assert reopened._file.version == 1
    assert opened.model_dump() == data.model_dump() and list(opened.audit) == list(data.audit)
    _log(opened, 1, start=7)
    reopened.save(opened)
    assert fileformat.parse(locations.vault_path.read_bytes()).version == fileformat.FORMAT_VERSION
    final = Vault.open(locations, passphrase)[1]
    assert len(final.audit) == 8 and audit.verify(final.audit) == []


def test_a_format_1_vault_survives_a_passphrase_change(vault, locations, data, passphrase):
    """A slot-only rewrite keeps the file's version, which is part of the body's AAD."""
    _log(data, 3)
    _format_1_file(vault, locations, data)
    reopened, _ = Vault.open(locations, passphrase)
    reopened.change_passphrase(passphrase, "een heel andere wachtzin")
    opened = Vault.open(locations, "een heel andere wachtzin")[1]
    assert len(opened.audit) == 3 and audit.verify(opened.audit) == []


def test_a_format_2_vault_opens_and_is_upgraded_on_the_next_save(
    vault, locations, data, passphrase
):
    _log(data, 9)
    _format_2_file(vault, locations, data)
    reopened, opened = Vault.open(locations, passphrase)
    assert reopened._file.version == 2 and not opened.audit.decoded
    assert opened.model_dump() == data.model_dump() and list(opened.audit) == list(data.audit)
    _log(opened, 1, start=9)
    job = reopened.snapshot(opened)
    assert not job.append and not isinstance(job.audit, list), "streamed when written"
    reopened.write(job)
    upgraded = fileformat.parse(locations.vault_path.read_bytes())
    assert (
        upgraded.version == fileformat.FORMAT_VERSION == 3 and upgraded.core.compression == "zstd"
    )
    final = Vault.open(locations, passphrase)[1]
    assert len(final.audit) == 10 and audit.verify(final.audit) == []
    assert final.model_dump() == opened.model_dump()


def test_a_format_2_vault_survives_a_passphrase_change(vault, locations, data, passphrase):
    _log(data, 4)
    _format_2_file(vault, locations, data)
    reopened, _ = Vault.open(locations, passphrase)
    reopened.change_passphrase(passphrase, "een heel andere wachtzin")
    assert fileformat.parse(locations.vault_path.read_bytes()).version == 2
    opened = Vault.open(locations, "een heel andere wachtzin")[1]
    assert len(opened.audit) == 4 and audit.verify(opened.audit) == []


@pytest.mark.parametrize("version, compression", [(3, "zlib"), (2, "zstd"), (3, "lz4")])
def test_a_header_whose_compression_does_not_fit_its_version_is_damage(version, compression):
    core_bytes = fileformat.Core(
        "abc123", os.urandom(fileformat.NONCE_SIZE), compression
    ).to_bytes()
    with pytest.raises(fileformat.FormatError):
        fileformat.Core.from_bytes(core_bytes, version)


@pytest.mark.parametrize("damage", ["index", "lengths", "chunk"])
def test_inconsistent_sections_read_as_damage(damage, data):
    _log(data, 5)
    chunks = sections.chunk_all(list(data.audit), sections.ZSTD)
    plaintext = bytearray(sections.pack(data.model_dump_json().encode(), chunks, data.audit.last))
    if damage == "index":
        plaintext[4] = ord("[")
    elif damage == "lengths":
        plaintext += b"extra"
    else:
        with pytest.raises(sections.SectionError):
            list(
                sections.decode_chunks(
                    [sections.Chunk(6, chunks[0].data)], data.audit.last, sections.ZSTD
                )
            )
        return
    with pytest.raises(sections.SectionError):
        sections.unpack(bytes(plaintext))


def test_the_audit_log_is_append_only():
    log = AuditLog()
    entry = audit.append(log, at=AT, action="tenant.add")
    with pytest.raises(ValueError):
        entry.action = "iets anders"  # frozen: a line once written is never edited
    assert not hasattr(log, "append") and not hasattr(log, "__setitem__")


def test_equal_amounts_are_shared_on_load_but_keep_their_text(vault, locations, data, passphrase):
    tenant = data.tenants[0]
    from lcv_tui.domain import actions

    for amount in ("780.50", "780.50", "12.00"):
        actions.record_payment(data, tenant.id, dt.date(2026, 11, 1), amount, now=AT, actor="app")
    vault.save(data)
    loaded = Vault.open(locations, passphrase)[1].tenant(tenant.id).payments
    same = [p.amount for p in loaded if p.amount == 780.5]
    assert len(same) == 2 and same[0] is same[1] and str(same[0]) == "780.50"
    assert [p.amount for p in loaded] == [p.amount for p in tenant.payments]


def test_a_key_change_refuses_when_the_file_changed_underneath(vault, locations, data, passphrase):
    """The body is not kept in memory; a slot rewrite reads it again and refuses a different file."""
    from lcv_tui.store import VaultError

    reopened, opened = Vault.open(locations, passphrase)
    _log(opened, 1)
    vault.save(opened)  # another "instance" saves meanwhile
    before = locations.vault_path.read_bytes()
    with pytest.raises(VaultError) as info:
        reopened.change_passphrase(passphrase, "een heel andere wachtzin")
    assert "gewijzigd sinds het werd geopend" in info.value.message
    assert locations.vault_path.read_bytes() == before


def test_a_save_encrypts_in_pieces_the_same_bytes_as_in_one_go():
    """A save streams the plaintext through AES-GCM piece by piece (nothing the size of the file is
    ever whole in memory); the file must be byte for byte what the one-shot cipher would write."""
    from lcv_tui.store.vault import PIECE, _sealed

    key = AESGCM.generate_key(bit_length=256)
    core_bytes = fileformat.Core("abc123", os.urandom(fileformat.NONCE_SIZE)).to_bytes()
    slots: list[fileformat.Slot] = []
    plaintext = [b"index", os.urandom(PIECE * 2 + 7), b"", os.urandom(100), os.urandom(PIECE)]
    pieces = list(_sealed(key, core_bytes, slots, plaintext))
    assert max(map(len, pieces)) <= PIECE
    nonce = fileformat.Core.from_bytes(core_bytes).data_nonce
    whole = AESGCM(key).encrypt(nonce, b"".join(plaintext), fileformat.data_aad(core_bytes))
    assert b"".join(pieces) == fileformat.assemble(core_bytes, slots, whole)


def test_a_saved_vault_reads_back_with_its_sections_in_pieces(vault, locations, data, passphrase):
    _log(data, 25)
    vault.save(data)
    _log(data, 3, start=25)
    vault.save(data)
    parsed = fileformat.parse(locations.vault_path.read_bytes())
    assert parsed.core.vault_id == vault.vault_id and vault._file.body == b""
    opened = Vault.open(locations, passphrase)[1]
    assert opened.model_dump() == data.model_dump() and opened.audit == list(data.audit)
    assert audit.verify(opened.audit) == []


def test_a_snapshot_holds_its_document_compressed_and_writes_the_data_as_it_was(
    vault, locations, data, passphrase
):
    """A save's snapshot compresses the tenant lines as it encodes them (it never holds the whole
    plaintext), and what it writes is the data at the moment it was taken."""
    from lcv_tui.domain import actions

    tenant = data.tenants[0]
    for month in range(1, 12):
        actions.record_payment(
            data, tenant.id, dt.date(2026, month, 1), "850.00", now=AT, actor="app"
        )
    _log(data, 5)
    job = vault.snapshot(data)
    plain = sections.ZSTD.decompress(b"".join(job.document))
    assert plain.count(b"\n") == 1 + len(data.tenants)
    assert tenant.id.encode() in plain
    assert not any(t.id.encode() in piece for piece in job.document for t in data.tenants)
    before = data.model_dump()
    actions.record_payment(data, tenant.id, dt.date(2026, 11, 2), "1.00", now=AT, actor="app")
    vault.write(job)
    opened = Vault.open(locations, passphrase)[1]
    assert opened.model_dump() == before and len(opened.audit) == job.log_length


def test_the_log_as_of_now_streams_its_stored_part_and_leaves_out_later_lines(
    vault, locations, data, passphrase
):
    """What a save that rewrites the whole log reads in its worker (``SaveJob.audit``)."""
    _log(data, 30)
    vault.save(data)
    opened = Vault.open(locations, passphrase)[1]
    _log(opened, 2, start=30)
    as_of = opened.audit.as_of_now()
    assert not isinstance(as_of, list)
    _log(opened, 1, start=40)
    assert [e.ref for e in as_of] == [f"p{i}" for i in range(32)]
    assert list(as_of) == list(as_of) and not opened.audit.decoded
    assert len(opened.audit) == 33
