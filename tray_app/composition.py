"""The one place that builds the core objects and wires them, for the tray and the CLI alike."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from .api.client import AworkClient
from .api.keychain import Keychain, KeychainUnavailable
from .api.tokens import TokenHolder
from .config import Config
from .core.cache import WorkloadCache
from .core.commands import Commands
from .core.state import AppState, Auth, Store
from .platform.timezone import local_zone_name

log = logging.getLogger(__name__)


@dataclass
class Core:
    config: Config
    store: Store
    commands: Commands
    client: AworkClient
    tokens: TokenHolder
    keychain: Keychain | None

    async def aclose(self) -> None:
        await self.client.aclose()

    async def restore_sign_in(self) -> None:
        """Find the token: environment first, then the keychain (which may block on an unlock)."""
        if self.tokens.present:
            self.commands.signed_in_with(self.tokens.source)
            return
        if self.keychain is None:
            self.commands.signed_out()
            return
        try:
            token = await asyncio.to_thread(self.keychain.load)
        except KeychainUnavailable as exc:
            log.warning("keychain unavailable: %s", exc)
            self.store.update(keychain_problem=str(exc))
            token = None
        if token:
            self.tokens.set(token, "keychain")
            self.commands.signed_in_with("keychain")
        else:
            self.commands.signed_out()

    async def sign_in(self, token: str) -> str:
        """Keep a pasted API token: in the keychain, or for this run only if there is none.

        Returns where it went ("keychain" or "session"). The token is checked with awork first.
        """
        previous_value, previous_source = await self.tokens.token(), self.tokens.source
        self.tokens.set(token.strip(), "pending")
        try:
            user = await self.client.me()
        except Exception:
            self.tokens.set(previous_value, previous_source)
            raise
        where = "session"
        if self.keychain is not None:
            try:
                await asyncio.to_thread(self.keychain.save, token.strip())
                where = "keychain"
            except KeychainUnavailable as exc:
                self.store.update(keychain_problem=str(exc))
        self.tokens.set(token.strip(), where)
        self.store.update(user=user)
        self.commands.signed_in_with(where)
        return where

    async def sign_out(self) -> str | None:
        """Forget the token; returns why the keychain copy could not be removed, if it could not."""
        self.tokens.set(None, "")
        problem = None
        if self.keychain is not None:
            try:
                await asyncio.to_thread(self.keychain.delete)
            except KeychainUnavailable as exc:
                log.warning("could not remove the token from the keychain: %s", exc)
                problem = str(exc)
        self.commands.signed_out()
        return problem


def build_core(config: Config, *, demo: bool = False, transport=None, use_cache: bool = True) -> Core:
    keychain: Keychain | None = None
    if demo:
        from .demo.backend import FakeAwork
        from .demo.transport import DEMO_BASE_URL, DEMO_TOKEN, DemoTransport
        from .demo.workspace import demo_workspace

        tokens = TokenHolder(DEMO_TOKEN, "demo")
        transport = DemoTransport(FakeAwork(demo_workspace(running=True), token=DEMO_TOKEN))
        api_url = DEMO_BASE_URL
    else:
        tokens = TokenHolder(config.api_token, "AWORK_API_TOKEN")
        keychain = None if config.api_token else Keychain()
        api_url = config.api_url
    client = AworkClient(api_url, tokens, transport=transport)
    store = Store(AppState(demo=demo, auth=Auth.SIGNED_IN if tokens.present else Auth.UNKNOWN, auth_source=tokens.source))
    cache = WorkloadCache(config.cache_dir, api_url) if use_cache else None
    commands = Commands(store, client, tokens, cache=cache, zone_name=local_zone_name)
    return Core(config, store, commands, client, tokens, keychain)
