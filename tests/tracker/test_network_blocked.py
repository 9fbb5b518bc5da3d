import socket

import pytest
from pytest_socket import SocketConnectBlockedError


def test_the_suite_cannot_reach_the_internet():
    with pytest.raises(SocketConnectBlockedError):
        socket.create_connection(("192.0.2.1", 80), timeout=1)  # TEST-NET-1: never routed anyway


def test_the_suite_may_use_loopback():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        with socket.create_connection(listener.getsockname(), timeout=1) as connection:
            assert connection.getpeername() == listener.getsockname()
