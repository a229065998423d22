/** The conversation in the workspace: each message in its own direction, the two sides told apart by more than colour. */
export const CONVERSATION_CSS = `
.conversation { border-top: 5px solid #1d70b8; padding-top: 10px; margin-bottom: 30px; }
.messages { margin: 0 0 20px; padding: 0; list-style: none; }
.message { padding: 10px 15px; margin-bottom: 10px; border-inline-start: 5px solid #b1b4b6; background: #f3f2f1; }
.message--hotline { border-inline-start-color: #1d70b8; background: #fff; outline: 1px solid #b1b4b6; margin-inline-start: 2em; }
.message--automatic { border-inline-start-style: dashed; }
.message p { margin-bottom: 5px; }
.message__head { overflow-wrap: anywhere; }
.tag--unread { background: #1d70b8; color: #fff; }
.tag--reminder { background: #fff7bf; color: #594d00; outline: 2px solid #594d00; }
.conversation__waiting { font-weight: 700; }
.reply-templates__list > li { margin-bottom: 10px; }
.reply .button { margin-top: 10px; }
`;
