import cors from 'cors';
import express from 'express';

const app = express();

// ruleid: js-cors-credentials-any-origin
app.use(cors({ origin: true, credentials: true }));

app.use((req, res, next) => {
  // ruleid: js-cors-credentials-any-origin
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  next();
});

// ok: js-cors-credentials-any-origin
app.use(cors({ origin: ['https://app.example.com'], credentials: true }));

// ok: js-cors-credentials-any-origin
app.use(cors({ origin: '*' }));

export default app;
