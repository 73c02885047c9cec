package cn.huoxian.access;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; says whether the last attempt failed or locked the account. */
@Controller
class LoginPage {

	@GetMapping("/login")
	String login(HttpSession session, Model model) {
		Object error = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		model.addAttribute("locked", error instanceof LockedException);
		return "access/login";
	}

}
