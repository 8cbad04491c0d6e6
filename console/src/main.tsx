import { render } from 'preact';
import { useTransport } from './api';
import { connect } from './auth';
import { App } from './app';

const connection = await connect();
useTransport(connection.fetch, connection.baseUrl);
render(<App />, document.getElementById('app')!);
