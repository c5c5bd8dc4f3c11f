"""The socket ``carenote serve --workers N`` shares between its workers."""

from __future__ import annotations

import socket

import uvicorn

from carenote.service.app import listening_socket


def test_the_shared_listening_socket_has_nodelay() -> None:
    # Without TCP_NODELAY, multi-worker responses waited ~40 ms for a delayed ACK.
    config = uvicorn.Config("carenote.service.app:create_app", factory=True, port=0, workers=2)
    sock = listening_socket(config)
    try:
        assert sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        assert sock.getsockname()[1] > 0  # bound
    finally:
        sock.close()
